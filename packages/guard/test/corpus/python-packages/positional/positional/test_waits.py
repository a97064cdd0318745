# Calls the package's own waits positionally, and never names their parameter.
import socket

from .base import Base, LockingQueue, wait_until


class TestWaits(Base):
    def test_active(self):
        self.wait_for_status("node", "ACTIVE", 120)  # expect: no-hardcoded-timeout
        self.wait_for_status("node", "ACTIVE", poll_interval=1)

    def test_handed_on(self, limit):
        self.wait_for_status("node", "ACTIVE", limit)

    def test_get(self):
        # Two classes define `get`, one with a key in that place: neither is read.
        LockingQueue().get(1)
        self.get(1)

    def test_ready(self, ready):
        wait_until(ready, 30)  # expect: no-hardcoded-timeout

    def test_socket(self):
        # Another library's object with a method of the same name: its first place is a byte count.
        sock = socket.socket()
        return sock.recv(1024)
