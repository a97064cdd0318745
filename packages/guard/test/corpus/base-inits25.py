# A subclass's constructor hands its None to its base's, which keeps it for the connections it opens later: every
# spelling of the base's constructor call is the same hand-over (Python 2's `super(Class, self)` included).
import socket


class Conn:
    def __init__(self, host, timeout=None):  # expect: no-unbounded-timeout
        self.host = host
        self.timeout = timeout

    def connect(self):
        return socket.create_connection((self.host, 80), timeout=self.timeout)


class NewStyle(Conn):
    def __init__(self, host, timeout=None):  # expect: no-unbounded-timeout
        super().__init__(host, timeout)


class OldStyle(Conn):
    def __init__(self, host, timeout=None):  # expect: no-unbounded-timeout
        super(OldStyle, self).__init__(host, timeout)


class Explicit(Conn):
    def __init__(self, host, timeout=None):  # expect: no-unbounded-timeout
        Conn.__init__(self, host, timeout)


class HandsTheHost(Conn):
    # The None fills the base's `host`, not its timeout: nothing waits with it.
    def __init__(self, timeout=None):
        super(HandsTheHost, self).__init__(timeout)
