import socket


class Bus:
    """Frames from a CAN-like bus."""

    def recv(self, timeout=None):
        return self._queue.get(timeout=timeout)


class Reader:
    def __init__(self):
        self.conn = Bus()

    def next_frame(self):
        # The file's own Bus: its recv waits up to 0.5 s for a frame.
        return self.conn.recv(0.5)  # expect: no-hardcoded-timeout


class Gateway:
    def __init__(self, host, timeout):
        self.conn = socket.create_connection((host, 9000), timeout=timeout)

    def greeting(self):
        # Another class's `self.conn` is a socket: 1024 is a buffer size.
        return self.conn.recv(1024)


class LoopbackConnection:
    """An in-memory connection for offline runs."""

    def recv(self, timeout=None):
        return b""


class Client:
    def __init__(self, host, timeout, offline=False):
        self._conn = None
        if offline:
            self._conn = LoopbackConnection()
        else:
            self._conn = socket.create_connection((host, 9000), timeout=timeout)

    def greeting(self):
        # A socket on the online path: 1024 is a buffer size there.
        return self._conn.recv(1024)


class Offline:
    def __init__(self):
        self._conn = None

    def start(self):
        self._conn = LoopbackConnection()

    def frame(self):
        # Only the file's own class once made (the None before it is no object): its recv waits up to 2 s.
        return self._conn.recv(2)  # expect: no-hardcoded-timeout


class FramedSocket(socket.socket):
    """A TCP socket that reads length-prefixed frames; it inherits socket's recv(bufsize)."""


class TimedSocket(socket.socket):
    def recv(self, timeout=None):
        return self._frames.get(timeout=timeout)


def fetch(host, port):
    sock = FramedSocket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((host, port))
    # socket.socket's own recv runs: 1024 is a buffer size.
    return sock.recv(1024)


def fetch_timed():
    # The file's subclass defines recv itself: its 3 is a timeout.
    sock = TimedSocket(socket.AF_INET, socket.SOCK_STREAM)
    return sock.recv(3)  # expect: no-hardcoded-timeout
