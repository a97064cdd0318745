# Python `no-unbounded-timeout`, session 51 (issue 9), from blind set fresh204 (Debian's pyzmq 26): a function named as
# the wait it is leaves the bound to its caller with its own documented `-1` ("wait forever"), however its body spells
# that negative to what it calls (a week for `Event.wait`, a C binding's own -1). A factory that hands it to what it
# builds, and a setter that keeps it, still choose no limit for later waits.
import time


class MessageTracker:
    def wait(self, timeout: float | int = -1):
        """Wait for 0MQ to be done with the message or until `timeout`.

        timeout : float
            default: -1, which means wait forever.
        """
        tic = time.time()
        if timeout is False or timeout < 0:
            remaining = 3600 * 24 * 7  # a week
        else:
            remaining = timeout
        for evt in self.events:
            evt.wait(timeout=remaining)
            remaining -= time.time() - tic

    def set_linger(self, timeout=-1):  # expect: no-unbounded-timeout
        """Set how long to wait on close; -1 waits forever."""
        self._timeout = timeout


def zmq_poll(sockets, timeout: int = -1):
    """Poll the sockets: timeout in milliseconds. Negative means no timeout, waits forever."""
    rc = zmq_poll_c(sockets, len(sockets), timeout)
    if timeout > 0:
        timeout = max(0, timeout - 1)
    return rc


def make_lock(path, timeout=-1):  # expect: no-unbounded-timeout
    """Make a lock; a negative timeout waits forever."""
    return FileLock(path, timeout=timeout)
