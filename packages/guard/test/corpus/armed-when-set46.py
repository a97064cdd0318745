import asyncio
import threading


# aioimaplib's Command: the deadline timer is armed only when a timeout is set, so a command built without one waits
# for its response with no limit, the object's own "no limit".
class Command:
    def __init__(self, name, loop, timeout=None):  # expect: no-unbounded-timeout
        self.name = name
        self._loop = loop
        self._timeout = timeout
        self._event = asyncio.Event()
        self._set_timer()

    def _set_timer(self):
        if self._timeout is not None:
            self._timer = self._loop.call_later(self._timeout, self._timeout_callback)

    def _timeout_callback(self):
        self._event.set()


# The constructor arms the timer itself, with a callback that fails the call.
class Watchdog:
    def __init__(self, fut, timeout=None):  # expect: no-unbounded-timeout
        self._fut = fut
        if timeout:
            self._timer = threading.Timer(timeout, self._expired)
            self._timer.start()

    def _expired(self):
        self._fut.set_exception(RuntimeError("took too long"))


# A refresh timer armed only when a period is set: a None switches the refresh off, nothing waits.
class Refresher:
    def __init__(self, loop, refresh_timeout=None):
        self._loop = loop
        self._refresh_timeout = refresh_timeout

    def start(self):
        if self._refresh_timeout is not None:
            self._loop.call_later(self._refresh_timeout, self._refresh)

    def _refresh(self):
        self.items = self.load()


# An `else` arms a timer of its own: the None is replaced, not kept.
class Fallback:
    def __init__(self, loop, timeout=None):
        self._loop = loop
        self._timeout = timeout

    def arm(self):
        if self._timeout is not None:
            self._loop.call_later(self._timeout, self._on_timeout)
        else:
            self._loop.call_later(self._loop.default_timeout, self._on_timeout)

    def _on_timeout(self):
        raise TimeoutError(self)
