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
