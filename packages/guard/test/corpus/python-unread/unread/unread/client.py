import socket

from .constants import READ_TIMEOUT, Connection


class Client:
    def __init__(self, host):
        self.connection = Connection(host)
        self.sock = socket.create_connection((host, 80), timeout=READ_TIMEOUT)

    def idle(self):
        self.sock.settimeout(self.connection.idle_timeout)
