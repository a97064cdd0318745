import select
import threading


class MessageTracker:
    # The method is the wait: its own -1 ("no limit") leaves the bound to the caller, as a None or 0 would.
    def wait(self, timeout=-1):
        """Wait until the message is sent. A negative timeout (-1) waits forever."""
        return self._event.wait(None if timeout < 0 else timeout)


# A function that is the wait.
def poll(sockets, timeout=-1):
    """Poll the sockets. timeout: -1 blocks indefinitely."""
    return select.select(sockets, [], [], None if timeout < 0 else timeout)


class FileLock:
    # A constructor: the lock keeps its -1 for every acquire it makes later.
    def __init__(self, path, timeout=-1):  # expect: no-unbounded-timeout
        """A lock on path. timeout: -1 blocks indefinitely."""
        self._path = path
        self._timeout = timeout
        self._lock = threading.Lock()

    # A factory of its class: the lock it returns keeps the -1.
    @classmethod
    def get_lock(cls, path, timeout=-1):  # expect: no-unbounded-timeout
        """The shared lock for path. timeout: -1 blocks indefinitely."""
        return cls(path, timeout)

    def acquire(self):
        return self._lock.acquire(timeout=self._timeout)


class Connection:
    # A setter: the object keeps the -1 for the waits it makes later, so this is not the wait.
    def configure(self, timeout=-1):  # expect: no-unbounded-timeout
        """Set the read timeout. A negative value disables the timeout."""
        self._timeout = timeout

    # A factory, though not a @classmethod: the lock it builds keeps the -1.
    @staticmethod
    def create(path, timeout=-1):  # expect: no-unbounded-timeout
        """A new lock on path. A negative timeout disables the timeout."""
        return FileLock(path, timeout)


# A module factory function: it hands the -1 to the lock it makes, which keeps it.
def make_lock(path, timeout=-1):  # expect: no-unbounded-timeout
    """A lock on path. timeout: -1 blocks indefinitely."""
    return FileLock(path, timeout)
