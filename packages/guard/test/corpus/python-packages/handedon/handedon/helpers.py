from unittest import mock

from handedon.transport import Transport


def make_transport(host, timeout=None):  # expect: no-unbounded-timeout
    # The local's object is returned: kept for its later waits.
    transport = Transport(host, timeout=timeout)
    return transport


def fake_transport(host, timeout=None):
    # A test helper: the object's socket is a double, nothing it makes waits.
    transport = Transport(host, timeout=timeout)
    transport.sock = mock.Mock()
    return transport
