# Session 12 Python unbounded recall: an object's timeout of None set on its socket only when one is given. On None
# the socket the class made is left as it was made, blocking without a limit (pyclamd's ClamdNetworkSocket).
# session10.py's `Guarded` (a socket the caller hands in, its timeout the caller's) stays unreported.
import socket


class NetworkScanner:
    def __init__(self, host="127.0.0.1", port=3310, timeout=None):  # expect: no-unbounded-timeout
        self.host = host
        self.port = port
        self.timeout = timeout

    def _init_socket(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if not self.timeout is None:
            self.sock.settimeout(self.timeout)
        self.sock.connect((self.host, self.port))


class Transport:
    def __init__(self, host, port, socket_timeout=None):  # expect: no-unbounded-timeout
        self.addr = (host, port)
        self.socket_timeout = socket_timeout

    def open(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.connect(self.addr)
        if self.socket_timeout:
            self.sock.settimeout(self.socket_timeout)


# An `else` that sets another bound: the None never leaves the socket without one.
class BoundedTransport:
    def __init__(self, host, port, socket_timeout=None):
        self.addr = (host, port)
        self.socket_timeout = socket_timeout

    def open(self):
        self.sock = socket.socket()
        if self.socket_timeout is not None:
            self.sock.settimeout(self.socket_timeout)
        else:
            self.sock.settimeout(self.fallback())
        self.sock.connect(self.addr)


# Sockets made non-blocking (an event loop polls them): no read blocks, whatever the timeout.
class LoopTransport:
    def __init__(self, host, port, socket_timeout=None):
        self.addr = (host, port)
        self.socket_timeout = socket_timeout

    def open(self):
        self.sock = socket.socket()
        self.sock.setblocking(False)
        if self.socket_timeout:
            self.sock.settimeout(self.socket_timeout)


# The setting tested for something else (a size, a mode): not the "only when given" shape.
class SizedTransport:
    def __init__(self, host, port, socket_timeout=None):
        self.addr = (host, port)
        self.socket_timeout = socket_timeout

    def open(self):
        self.sock = socket.socket()
        if self.socket_timeout > 1:
            self.sock.settimeout(self.socket_timeout)
