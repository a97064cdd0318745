import os
import time


class FileLock:
    # The lock keeps its -1 for every acquire(): the polling loop skips its give-up check for a negative timeout.
    def __init__(self, lock_file, timeout=-1):  # expect: no-unbounded-timeout
        self._lock_file = lock_file
        self.timeout = timeout

    # The method is the wait: its None means "the lock's own timeout", the caller's choice.
    def acquire(self, timeout=None, poll_interval=0.05):
        if timeout is None:
            timeout = self.timeout
        start_time = time.time()
        while True:
            if self._try():
                break
            elif timeout >= 0 and time.time() - start_time > timeout:
                raise TimeoutError(self._lock_file)
            else:
                time.sleep(poll_interval)

    def _try(self):
        return os.path.exists(self._lock_file)


class DirLock:
    # The lock keeps its None for every acquire(): the loop polls without a limit when it is None.
    def __init__(self, path, timeout=None):  # expect: no-unbounded-timeout
        self.path = path
        self._timeout = timeout

    def acquire(self):
        start = time.monotonic()
        while self._timeout is None or time.monotonic() - start < self._timeout:
            try:
                os.mkdir(self.path)
                return
            except FileExistsError:
                time.sleep(0.1)
        raise TimeoutError(self.path)


class Waiter:
    # The copy of the setting reaches a known blocking call: the object's None waits without a limit.
    def __init__(self, event, timeout=None):  # expect: no-unbounded-timeout
        self.event = event
        self.timeout = timeout

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self.timeout
        return self.event.wait(timeout)


class GuardedWaiter:
    # The copy is tested before the wait: the None never reaches it.
    def __init__(self, event, timeout=None):
        self.event = event
        self.timeout = timeout

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self.timeout
        if timeout is not None:
            return self.event.wait(timeout)
        return self.event.is_set()


class RetriedLock:
    # A -1 the loop does not skip: it gives up at once (one attempt), no "no limit" shown.
    def __init__(self, path, timeout=-1):
        self.path = path
        self.timeout = timeout

    def acquire(self):
        start = time.time()
        while not os.path.exists(self.path):
            if time.time() - start > self.timeout:
                raise TimeoutError(self.path)
            time.sleep(0.1)


class Recomputed:
    # The method computes its local again after the copy: it may no longer hold the setting.
    def __init__(self, event, timeout=None):
        self.event = event
        self.timeout = timeout

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self.timeout
        timeout = timeout or 5.0  # expect: no-hardcoded-timeout
        return self.event.wait(timeout)


class Ages:
    # An age compared with a stored timestamp (not the clock read by this code): a lifetime, no wait.
    def __init__(self, timeout=None):
        self.timeout = timeout

    def expired(self, entry):
        while self.timeout is None or entry.created - entry.seen < self.timeout:
            return False
        return True


class TimeoutTimer:
    # The deadline primitive: its None ("never time out") is its caller's choice.
    def __init__(self, timeout=None, sleep=None):
        self.timeout_interval = timeout
        self.sleep_interval = 1.0 if sleep is None else sleep
        self.start_time = None
        self.end_time = None

    def start(self):
        self.start_time = time.time()
        if self.timeout_interval is not None:
            self.end_time = self.start_time + self.timeout_interval
        return self

    def timed_out_or_sleep(self):
        if self.end_time is not None and time.time() >= self.end_time:
            return True
        time.sleep(self.sleep_interval)
        return False


class ExclusiveLock:
    # The lock keeps its None and hands it to the deadline it polls on every acquire(): it polls forever.
    def __init__(self, path, timeout=None, sleep=None):  # expect: no-unbounded-timeout
        self.path = path
        self.timeout = timeout
        self.sleep = sleep

    def acquire(self, timeout=None):
        if timeout is None:
            timeout = self.timeout
        timer = TimeoutTimer(timeout, self.sleep).start()
        while True:
            try:
                os.mkdir(self.path)
                return self
            except FileExistsError:
                if timer.timed_out_or_sleep():
                    raise TimeoutError(self.path) from None


class SharedLock:
    # Handed on to the exclusive lock it keeps, and to a deadline it polls itself.
    def __init__(self, path, timeout=None):  # expect: no-unbounded-timeout
        self.path = path
        self.timeout = timeout
        self._lock = ExclusiveLock(path + ".exclusive", timeout=timeout)

    def wait_for_readers(self, sleep):
        timer = TimeoutTimer(self.timeout, sleep).start()
        while os.listdir(self.path):
            if timer.timed_out_or_sleep():
                raise TimeoutError(self.path)


class Stopwatch:
    # Kept and handed to a timer class that only records it: no end time computed from the clock, no deadline.
    def __init__(self, limit_timeout=None):
        self.limit_timeout = limit_timeout

    def run(self):
        return Recorder(self.limit_timeout)


class Recorder:
    def __init__(self, timeout=None):
        self.timeout = timeout
        self.started = time.time()


class Channel:
    # The method's own value, else the channel's None: the socket then blocks on every read.
    def __init__(self, sock, read_timeout=None):  # expect: no-unbounded-timeout
        self.sock = sock
        self.read_timeout = read_timeout

    def read(self, size, timeout=None):
        timeout = self.read_timeout if timeout is None else timeout
        self.sock.settimeout(timeout)
        return self.sock.recv(size)
