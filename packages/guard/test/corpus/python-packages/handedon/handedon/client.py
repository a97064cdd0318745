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
