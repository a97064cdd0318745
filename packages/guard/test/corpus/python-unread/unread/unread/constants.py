import socketserver

# Read nowhere in the package: a setting nothing reads bounds nothing.
DEFAULT_TIMEOUT_SECONDS = 25
_INF_TIMEOUT = 1e9

# Read by client.py: it bounds the client's reads.
READ_TIMEOUT = 10  # expect: no-hardcoded-timeout

# Named in a string of this file: it may be read through it.
LOOKUP_TIMEOUT = 4  # expect: no-hardcoded-timeout
SETTING = "LOOKUP_TIMEOUT"


class Canvas:
    # A class attribute nothing reads.
    DRAW_TIMEOUT = 10

    def draw(self):
        return None


class Handler(socketserver.StreamRequestHandler):
    # A base from another library may read any field (socketserver's handlers read `self.timeout`): kept.
    handler_timeout = 5  # expect: no-hardcoded-timeout


class Connection:
    # A class attribute read through the object.
    PING_TIMEOUT = 30  # expect: no-hardcoded-timeout

    def __init__(self, host, ping_timeout=240, idle_timeout=60):  # expect: no-hardcoded-timeout
        self.host = host
        # Stored and read nowhere in the package.
        self.ping_timeout = ping_timeout
        # Stored and read by client.py.
        self.idle_timeout = idle_timeout
        self.linger_timeout = 3

    def ping(self, sock):
        sock.settimeout(self.PING_TIMEOUT)
