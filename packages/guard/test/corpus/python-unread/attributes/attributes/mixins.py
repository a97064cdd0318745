import socket
import socketserver


# Settings sets the value, a sibling base reads it on every Client (a mixin): kept.
class Settings:
    def __init__(self):
        self.dial_timeout = 45  # expect: no-hardcoded-timeout


class Waiter:
    def wait(self, host):
        return socket.create_connection((host, 80), self.dial_timeout)


class Client(Settings, Waiter):
    pass


# A subclass has a base from another library, which reads the value (`socketserver` reads `self.timeout`): kept.
class Defaults:
    timeout = 20  # expect: no-hardcoded-timeout


class LineHandler(Defaults, socketserver.StreamRequestHandler):
    def handle(self):
        self.rfile.readline()
