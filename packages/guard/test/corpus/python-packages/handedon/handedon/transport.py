import socket


class Transport:
    def __init__(self, host, port=80, timeout=None):  # expect: no-unbounded-timeout
        self.host = host
        self.port = port
        self.timeout = timeout

    def connect(self):
        self.sock = socket.create_connection((self.host, self.port), timeout=self.timeout)


class Fallback:
    # `timeout or 30`: a None handed here never reaches the wait.
    def __init__(self, host, timeout=None):
        self.sock = None
        self.timeout = timeout or 30  # expect: no-hardcoded-timeout

    def connect(self):
        self.sock = socket.create_connection((self.host, 80), timeout=self.timeout)
