# Python, session 49 (issue 9): the caller's None re-spelled as "no limit" under another name than the one assigned.
# termineter's serial read tests the configured timeout (`if self._timeout != None: ... else: timeout = float('inf')`),
# and s3ql's timeout setter its parameter (`if value is None: self._timeout_ms = 24 * 60 * 60 * 1000`): the caller
# chose no limit, not these lines. A None test of something that is not the caller's timeout, and the object's own
# default, are still reported.
import socket
import time


class SerialSocket:
    def __init__(self):
        self._timeout = None
        self._socket = socket.socket()

    def read(self, size=1):
        data = bytearray()
        if self._timeout != None:
            timeout = time.time() + self._timeout
        else:
            timeout = float("inf")
        while len(data) < size and time.time() < timeout:
            data += self._socket.recv(size - len(data))
        return bytes(data)


class Connection:
    def __init__(self):
        self._timeout_ms = 24 * 60 * 60 * 1000  # expect: no-hardcoded-timeout

    @property
    def timeout(self):
        return self._timeout_ms / 1000

    @timeout.setter
    def timeout(self, value: float | None) -> None:
        if value is None:
            self._timeout_ms = 24 * 60 * 60 * 1000
        else:
            self._timeout_ms = int(value * 1000)

    def configure(self, options):
        if options is None:
            self._timeout_ms = 24 * 60 * 60 * 1000  # expect: no-hardcoded-timeout
