from handedon.transport import *


class Base:
    def __init__(self, transport):
        self.transport = transport


class Connection(Base):
    # A star import, and a local kept through the base's `__init__`.
    def __init__(self, host, timeout=None):  # expect: no-unbounded-timeout
        transport = Transport(host, 80, timeout)
        Base.__init__(self, transport)
