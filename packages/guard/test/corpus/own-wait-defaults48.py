# Python `no-unbounded-timeout`, session 48 (issue 9): a function that is itself the wait leaves its own "no limit"
# default to its caller, however it spells it. ipyparallel's `AsyncResult.wait(timeout=-1)` re-spells a negative value
# as the wait's None (`if timeout and timeout < 0: timeout = None`) before it waits; kafka-python's
# `connect_blocking(timeout=float('inf'))` and `_retrieve_offsets(timeout_ms=float("inf"))` poll until the deadline
# themselves; kafka's sender seeds a minimum with infinity. What keeps the value for later, or hands it to what it
# builds, is still reported.
import concurrent.futures
import math
import threading
import time


class AsyncResult:
    def __init__(self):
        self._ready_event = threading.Event()

    def wait(self, timeout=-1, return_when=None):
        """Wait until the result is available or until `timeout` seconds pass.

        timeout (int):
            The timeout in seconds. `-1` or None indicate an infinite timeout.
        """
        if timeout and timeout < 0:
            timeout = None
        if return_when is None:
            return self._ready_event.wait(timeout)
        return concurrent.futures.wait([], timeout=timeout, return_when=return_when)

    def wait_interactive(self, interval=0.1, timeout=-1):
        """interactive wait, printing progress at regular intervals.

        timeout : float
            Time (in seconds) to wait before raising a TimeoutError.
            -1 (default) means no timeout.
        """
        if timeout and timeout < 0:
            timeout = None
        tic = time.perf_counter()
        finished = False
        while not finished and (timeout is None or time.perf_counter() - tic <= timeout):
            finished = self.wait(interval)
        return finished


class Lock:
    def __init__(self, timeout=-1):  # expect: no-unbounded-timeout
        """timeout: seconds to wait for the lock; -1 (the default) means no timeout."""
        if timeout and timeout < 0:
            timeout = None
        self.timeout = timeout

    def acquire(self):
        return threading.Lock().acquire(timeout=self.timeout)


class BrokerConnection:
    def connect_blocking(self, timeout=float('inf')):
        timeout += time.time()
        while time.time() < timeout:
            if self.connect():
                return True
        return False

    def connect(self):
        return True


class Fetcher:
    def _retrieve_offsets(self, timestamps, timeout_ms=float("inf")):
        start_time = time.time()
        remaining_ms = timeout_ms
        while remaining_ms > 0:
            self._client.poll(timeout_ms=remaining_ms)
            remaining_ms = timeout_ms - (time.time() - start_time) * 1000
        return {}


class Consumer:
    def __init__(self, timeout=math.inf):  # expect: no-unbounded-timeout
        self._timeout = timeout

    def poll(self):
        return threading.Event().wait(self._timeout)


def make_consumer(timeout=float("inf")):  # expect: no-unbounded-timeout
    return Consumer(timeout=timeout)


class Sender:
    def run_once(self, nodes, client):
        not_ready_timeout = float('inf')
        for node in nodes:
            not_ready_timeout = min(not_ready_timeout, client.connection_delay(node))
        return client.poll(timeout_ms=min(not_ready_timeout, 1000))  # expect: no-hardcoded-timeout


def wait_forever(event):
    wait_timeout = float("inf")  # expect: no-unbounded-timeout
    return event.wait(wait_timeout)
