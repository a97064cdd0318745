# Session 48 (issue 9): ipyparallel's `Client.wait(jobs=None, timeout=-1)` hands its timeout to its own
# `self._await_futures(futures, timeout)`, which re-spells a negative value as the wait's None before it waits. The
# method is the wait: its "no limit" default is its caller's choice. Seen only with the package's facts (whether another
# module subclasses `Client` with another `_await_futures`); judged alone, the default is reported.
from threading import Event


class Client:
    def _await_futures(self, futures, timeout):
        """Wait for a collection of futures"""
        if not futures:
            return True
        event = Event()
        if timeout and timeout < 0:
            timeout = None
        return event.wait(timeout)

    def wait(self, jobs=None, timeout=-1):
        """waits on one or more `jobs`, for up to `timeout` seconds.

        timeout : float
            a time in seconds, after which to give up.
            default is -1, which means no timeout
        """
        futures = list(jobs or [])
        return self._await_futures(futures, timeout)
