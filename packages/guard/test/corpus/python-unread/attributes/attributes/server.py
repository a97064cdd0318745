import socket
import socketserver

from .session import Session


# `self.timeout` is read by Session's methods only, and `socket.timeout` is the module's exception: no object of
# Server has its `timeout` read, so the value bounds nothing.
class Server(object):
    def __init__(self):
        self.timeout = 60
        self.sock = socket.socket()

    def serve(self):
        try:
            return self.sock.recv(10)
        except socket.timeout:
            return None


# A subclass of Session: Session.poll reads its `self.timeout`.
class Console(Session):
    def __init__(self, peer):
        super().__init__(peer)
        self.timeout = 5  # expect: no-hardcoded-timeout


# A base from another library may read it (`socketserver` handlers read `self.timeout`).
class Handler(socketserver.BaseRequestHandler):
    timeout = 10  # expect: no-hardcoded-timeout


# A class attribute read by its name in the class body (a default of a method).
class Poller:
    POLL_TIMEOUT = 3  # expect: no-hardcoded-timeout

    def poll(self, poller, timeout=POLL_TIMEOUT):
        return poller.poll(timeout)
