# Session 13 Python unbounded recall: an object's "no limit" reached through another class or factory of the file,
# a class attribute, or a client the constructor keeps. Shapes of pypureomapi's Omapi, pyclamd's init_network_socket,
# pymemcache's PooledClient (`client_class = Client`), mpd's `_timeout = None` and zeep's AsyncTransport.
import socket

import httpx


class LineTransport:
    def __init__(self, host, port, timeout=None):  # expect: no-unbounded-timeout
        self.connection = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.connection.settimeout(timeout)
        self.connection.connect((host, port))

    def read(self):
        return self.connection.recv(1024)


# Handed to a class of the file that keeps it: the object made is the caller's own.
class Omapi:
    def __init__(self, hostname, port, key=None, timeout=None):  # expect: no-unbounded-timeout
        self.transport = LineTransport(hostname, port, timeout=timeout)


# By position, to the base's `__init__`.
class OmapiSSL(LineTransport):
    def __init__(self, host, port, certfile=None, timeout=None):  # expect: no-unbounded-timeout
        LineTransport.__init__(self, host, port, timeout)
        self.certfile = certfile


socketinst = None


# A factory: the object it makes keeps the None (returned, or kept in a global).
def init_network_socket(host="127.0.0.1", port=3310, timeout=None):  # expect: no-unbounded-timeout
    global socketinst
    socketinst = Omapi(host, port, timeout=timeout)


def connect(host, port, timeout=None):  # expect: no-unbounded-timeout
    return LineTransport(host, port, timeout=timeout)


# A factory that makes the object and waits with it at once IS the wait: the caller's choice.
def read_once(host, port, timeout=None):
    transport = LineTransport(host, port, timeout=timeout)
    return transport.read()


# A class attribute naming the class the pool makes.
class Client:
    def __init__(self, server, connect_timeout=None):  # expect: no-unbounded-timeout
        self.server = server
        self.connect_timeout = connect_timeout

    def _connect(self):
        sock = socket.socket()
        sock.settimeout(self.connect_timeout)
        sock.connect(self.server)
        return sock


class PooledClient:
    client_class = Client

    def __init__(self, server, connect_timeout=None):  # expect: no-unbounded-timeout
        self.server = server
        self.connect_timeout = connect_timeout

    def _create_client(self):
        return self.client_class(self.server, connect_timeout=self.connect_timeout)


# A class attribute of None its methods wait with, and that `__init__` leaves alone.
class MPDClient:
    _timeout = None  # expect: no-unbounded-timeout

    def __init__(self):
        self._sock = None

    def _parse_idle(self, lines):
        self._sock.settimeout(self._timeout)
        return lines


# Set by `__init__` for every object: the class attribute is never what the object waits with.
class Configured:
    _timeout = None

    def __init__(self, timeout=5.0):  # expect: no-hardcoded-timeout
        self._timeout = timeout

    def poll(self):
        self._sock.settimeout(self._timeout)


# Read only under a test of it: the None never reaches the wait.
class Optional:
    read_timeout = None

    def read(self):
        if self.read_timeout is not None:
            self._sock.settimeout(self.read_timeout)


# An httpx client the constructor makes unless one is handed in: httpx's None switches its 5 s default off.
class AsyncTransport:
    def __init__(self, client=None, operation_timeout=None):  # expect: no-unbounded-timeout
        self.client = client or httpx.AsyncClient(timeout=operation_timeout)


# A fallback to a bound: `timeout or 30` never hands the None on.
class Fallback:
    def __init__(self, host, port, timeout=None):
        self.transport = LineTransport(host, port, timeout=timeout or 30)  # expect: no-hardcoded-timeout
