import socket

try:
    import ssl
except ImportError:
    ssl = None


# No object of Plain has its `timeout` read: the `self.timeout` below is TLSClient's, a class under `if`.
class Plain:
    timeout = 10


if ssl is not None:
    # A class not at column 0 reads its own value and connects with it: kept.
    class TLSClient:
        timeout = 30  # expect: no-hardcoded-timeout

        def fetch(self, host):
            return socket.create_connection((host, 443), self.timeout)

