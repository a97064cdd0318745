import threading


class WaitEvent:
    # The constructor takes its timeout through **kwargs: the lookup's None is the object's default, and wait() uses it.
    def __init__(self, *args, **kwargs):
        self.event = threading.Event()
        self.timeout = kwargs.pop('timeout', None)  # expect: no-unbounded-timeout

    def wait(self):
        return self.event.wait(self.timeout)


class Unread:
    # Kept, but nothing of the class waits with it.
    def __init__(self, **kwargs):
        self.timeout = kwargs.pop('timeout', None)


class OtherDict:
    # Another dictionary's lookup: what `options` holds is the caller's.
    def __init__(self, options, **kwargs):
        self.event = threading.Event()
        self.timeout = options.get('timeout', None)

    def wait(self):
        return self.event.wait(self.timeout)


class Guarded:
    # The wait happens only when a timeout was given.
    def __init__(self, **kwargs):
        self.event = threading.Event()
        self.timeout = kwargs.get('timeout', None)

    def wait(self):
        if self.timeout is not None:
            return self.event.wait(self.timeout)
        return self.event.is_set()


class Hard:
    def __init__(self, **kwargs):
        self.event = threading.Event()
        self.timeout = kwargs.pop('timeout', 5)  # expect: no-hardcoded-timeout

    def wait(self):
        return self.event.wait(self.timeout)
