# Fallbacks stored only in fields no object of their class has read (Reader's `self._timeout` is its own).
class Scanner(object):
    def __init__(self, grace_timeout=None, **kwargs):
        self._timeout = kwargs.get("timeout", 5.0)
        self.grace_timeout = grace_timeout or 20


# The same fallback stored in a field its class reads: kept.
class Reader(object):
    def __init__(self, **kwargs):
        self._timeout = kwargs.get("timeout", 5.0)  # expect: no-hardcoded-timeout

    def read(self, sock):
        sock.settimeout(self._timeout)
