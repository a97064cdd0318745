import socket

from httplib2 import Http

# The program bounds every socket that is given no timeout of its own: httplib2's None falls back to this default.
socket.setdefaulttimeout(60)  # expect: no-hardcoded-timeout


class RestfulHttp(Http):
    def __init__(self, cache=None, timeout=None):
        super().__init__(cache, timeout)
