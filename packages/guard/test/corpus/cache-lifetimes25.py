# Session 25 (guard-lifetime25): a module's "never" default kept only as cache entries' expiry (`time.time() + timeout`
# stored with the value), also formatted into a docstring. The "never" default a lock's wait takes, and a test's local
# handed to a wait as well as compared by an assertion, stay reported.
import abc
import threading
import time
import unittest

_DEFAULT_TIMEOUT = 2 ** 60
_LOCK_TIMEOUT = 2 ** 60  # expect: no-unbounded-timeout
_REQUEST_TIMEOUT = 120  # expect: no-hardcoded-timeout


class Expiring(object):
    __doc__ = """Entries expire after %d seconds by default.""" % _DEFAULT_TIMEOUT

    def __init__(self, default_timeout=_DEFAULT_TIMEOUT):
        self.default_timeout = default_timeout
        self.data = {}

    def put(self, key, val, timeout=None):
        if timeout is None:
            timeout = self.default_timeout
        self.data[key] = (val, time.time() + timeout)


class Session(metaclass=abc.ABCMeta):
    # A body that never reads its default shows nothing: the implementations' own defaults decide (google-auth).
    @abc.abstractmethod
    def request(self, method, url, timeout=_REQUEST_TIMEOUT):
        raise NotImplementedError("Request must be implemented")


class Guarded(object):
    def __init__(self, lock_timeout=_LOCK_TIMEOUT):
        self.lock = threading.Lock()
        self.lock_timeout = lock_timeout

    def run(self):
        if self.lock.acquire(timeout=self.lock_timeout):
            self.lock.release()


class ExpiringTests(unittest.TestCase):
    def test_lock(self):
        lock_timeout = 5  # expect: no-hardcoded-timeout
        guarded = Guarded(lock_timeout=lock_timeout)
        guarded.lock.acquire(timeout=lock_timeout)
        self.assertEqual(guarded.lock_timeout, lock_timeout)
