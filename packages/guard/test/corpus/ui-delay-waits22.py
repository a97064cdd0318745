# A class attribute named like a UI delay (`TOUCH_TIMEOUT`) given to a socket is that socket's deadline: the UI-delay
# words are read only in JavaScript, where the file shows the value reaching no wait (issue 9, session 22 review).
# `expect:` marks findings.
import socket


class Device:
    TOUCH_TIMEOUT = 30  # expect: no-hardcoded-timeout

    def __init__(self, host):
        self.host = host

    def connect(self):
        s = socket.create_connection((self.host, 80))  # expect: no-unbounded-timeout
        s.settimeout(self.TOUCH_TIMEOUT)
        return s
