# The delay before the next connection attempt, kept in a public field that no other module reads.
class Manager:
    def __init__(self, loop, reconnect_timeout=2):
        self.loop = loop
        self.reconnect_timeout = reconnect_timeout

    def connection_lost(self, exc):
        self.loop.call_later(self.reconnect_timeout, self.connect)

    def connect(self):
        return self.loop.create_connection(self.factory, self.host, self.port)


# A field another module of the package reads and waits with: kept reported.
class Session:
    def __init__(self, loop, read_timeout=30):  # expect: no-hardcoded-timeout
        self.loop = loop
        self.read_timeout = read_timeout

    def lost(self, exc):
        self.loop.call_later(self.read_timeout, self.connect)

    def connect(self):
        return self.loop.create_connection(self.factory, self.host, self.port)
