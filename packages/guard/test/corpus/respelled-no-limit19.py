# The caller's "no limit" re-spelled as a day or more (session 19, guard-pyprec19): the caller chose it, not this line.
import threading
import time


def run_in_thread(func, *args, **kwargs):
    # ceph_argparse: the caller's 0/None becomes one day, written as arithmetic.
    timeout = kwargs.pop("timeout", 0)
    if timeout == 0 or timeout is None:
        timeout = 24 * 60 * 60
    t = threading.Thread(target=func, args=args)
    t.start()
    t.join(timeout=timeout)


class Run:
    def execute(self):
        # lit: a week stands in for an unset timeout (larger values fail on Windows).
        one_week = 7 * 24 * 60 * 60
        timeout = self.timeout or one_week
        deadline = time.time() + timeout
        self._execute(deadline)

    def execute_soon(self):
        # Less than a day taken when the caller's value is unset is a default of its own: a bound.
        timeout = self.timeout or 30  # expect: no-hardcoded-timeout
        self._done.wait(timeout)

    def execute_later(self):
        # A known left side is no caller's value: its day is this line's.
        timeout = 0 or 86400  # expect: no-hardcoded-timeout
        self._done.wait(timeout)


class Millis:
    # review19 item 3: the day is judged in the unit the name says; these bound two minutes and 100 s.
    def call(self, req):
        timeout_ms = self.timeout_ms or 120000  # expect: no-hardcoded-timeout
        return self._sock.recv(req, timeout_ms=timeout_ms)

    def call_default(self, sock, req, timeout_ms=None):
        if timeout_ms is None:
            timeout_ms = 100 * 1000  # expect: no-hardcoded-timeout
        return sock.recv(req, timeout_ms=timeout_ms)

    def call_day(self, req):
        # A day in milliseconds is the caller's "no limit" re-spelled, as `one_week` above is in seconds.
        timeout_ms = self.timeout_ms or 24 * 60 * 60 * 1000
        return self._sock.recv(req, timeout_ms=timeout_ms)
