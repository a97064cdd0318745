import select


class Session:
    def __init__(self, peer):
        self.peer = peer
        self.timeout = 30  # expect: no-hardcoded-timeout

    def poll(self):
        return select.select([self.peer], [], [], self.timeout)


class Limits:
    # An annotated class attribute no object of the class has read: the `self.connect_timeout` below is Session's.
    connect_timeout: int = 30
    # Read by a subclass's method (`Retrying.wait`): kept.
    retry_timeout: int = 5  # expect: no-hardcoded-timeout


class Retrying(Limits):
    def wait(self, event):
        return event.wait(self.retry_timeout)
