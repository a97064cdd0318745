from .transport import Fallback, Transport


class Client:
    # Handed on by keyword to another module's class, which keeps it for its later waits.
    def __init__(self, host, timeout=None):  # expect: no-unbounded-timeout
        self.transport = Transport(host, timeout=timeout)


class PositionalClient:
    # Handed on by position (`Transport(host, port, timeout)`).
    def __init__(self, host, port, timeout=None):  # expect: no-unbounded-timeout
        self.transport = Transport(host, port, timeout)


class SafeClient:
    # The other module's class replaces a None with a bound: nothing waits without limit.
    def __init__(self, host, timeout=None):
        self.transport = Fallback(host, timeout=timeout)


def ping(host, timeout=None):
    # Makes the transport and waits with it at once: this function is the wait, the None the caller's choice.
    Transport(host, timeout=timeout).connect()


class SubTransport(Transport):
    # Python 2's spelling of the base's constructor call: the other module's base keeps the None all the same.
    def __init__(self, host, timeout=None):  # expect: no-unbounded-timeout
        super(SubTransport, self).__init__(host, 80, timeout)


class HostOnly(Transport):
    # The None fills the base's `host`: the base's own default is not this constructor's choice.
    def __init__(self, timeout=None):
        super(HostOnly, self).__init__(timeout)
