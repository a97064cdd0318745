# A private class's constructor default that no call uses: every call in its module (the subclasses' explicit base
# constructor calls, `super().__init__`, a direct call) passes its own timeout. The subclasses' defaults, a private
# class made once without the argument, and a public class's default stay reported.
import socket


class _Base:
    def __init__(self, host, timeout=5):
        self.sock = socket.create_connection((host, 80), timeout)


class Explicit(_Base):
    def __init__(self, host, timeout=10):  # expect: no-hardcoded-timeout
        _Base.__init__(self, host, timeout)


class Super(_Base):
    def __init__(self, host, timeout=20):  # expect: no-hardcoded-timeout
        super().__init__(host, timeout=timeout)


def direct(host, timeout):
    return _Base(host, timeout)


class _Sometimes:
    def __init__(self, host, timeout=5):  # expect: no-hardcoded-timeout
        self.sock = socket.create_connection((host, 80), timeout)


def sometimes(host):
    return _Sometimes(host)


def other(host, timeout):
    return _Sometimes(host, timeout)


class _Inherited:
    def __init__(self, host, timeout=5):  # expect: no-hardcoded-timeout
        self.sock = socket.create_connection((host, 80), timeout)


class Plain(_Inherited):
    pass


class Public:
    def __init__(self, host, timeout=5):  # expect: no-hardcoded-timeout
        self.sock = socket.create_connection((host, 80), timeout)


def public(host, timeout):
    return Public(host, timeout)
