# Read through another receiver (`options.read_timeout`): any object's may be read, so it is kept.
class Options:
    def __init__(self):
        self.read_timeout = 10  # expect: no-hardcoded-timeout


def connect(sock, options):
    sock.settimeout(options.read_timeout)


# Read by name elsewhere in the package (`getattr(o, "idle_timeout")`): kept.
class Idle:
    def __init__(self):
        self.idle_timeout = 20  # expect: no-hardcoded-timeout


# Read elsewhere only as an object (`self.timer.tick_timeout.connect(...)`, a Qt signal): that read is of no number.
class Ticker:
    def __init__(self):
        self.tick_timeout = 2


class View:
    def __init__(self, timer):
        self.timer = timer
        self.timer.tick_timeout.connect(self.refresh)

    def refresh(self):
        return self.timer
