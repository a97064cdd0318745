# Families found on the fresh4 and scout5 samples (issue 9). `expect:` marks each line that must be flagged.
import enum
import select
import time

import pytest
import trio


# The caller's None re-spelled as "no limit" for what comes next: the caller chose it, not this line.
def wait_for_ready(timeout=None):
    if timeout is None:
        timeout = float("inf")
    return timeout


def read(timeout=None):
    if timeout == -1:
        timeout = 30  # expect: no-hardcoded-timeout
    elif timeout is None:
        timeout = 1e6
    return timeout


def driver_wait(timeout=None):
    if timeout is None:
        timeout = 0xFFFFFFFF
    else:
        timeout = int(timeout * 1000)
    return timeout


# A default chosen under the same test is still a hardcoded one.
def connect(timeout=None):
    if timeout is None:
        timeout = 30  # expect: no-hardcoded-timeout
    return timeout


# A None that follows the caller's configuration (a port opened with write_timeout=None).
def write(fd, timeout):
    if timeout.is_non_blocking:
        return 0
    elif not timeout.is_infinite:
        select.select([], [fd], [], timeout.time_left())
    else:
        assert timeout.time_left() is None
        select.select([], [fd], [], None)


# The "INFINITE" of a C API is an unbounded wait, not a hardcoded one.
def wait_all(handles):
    timeout = 0xFFFFFFFF  # expect: no-unbounded-timeout
    return kernel32.WaitForMultipleObjects(len(handles), handles, False, timeout)


# An enum's members are codes, not durations.
class ErrorCodes(enum.IntEnum):
    STATUS_TIMEOUT = 0x102
    WAIT_TIMEOUT = 0x102
    WAIT_ABANDONED = 0x80


# A value the call refuses before anything waits; a failure that may come after a wait still counts.
def test_validation():
    with pytest.raises(ValueError):
        connect_to("db", timeout=-5)
    pytest.raises(TypeError, connect_to, "db", timeout=5)
    with pytest.raises(ZeroDivisionError):
        connect_to("db", timeout=5)  # expect: no-hardcoded-timeout


# Deadlines computed from a clock, directly or through a local reading.
def poll_until_ready():
    deadline = time.monotonic() + 5  # expect: no-hardcoded-timeout
    while time.monotonic() < deadline:
        time.sleep(0.1)


async def test_child_exits(nursery):
    nursery.cancel_scope.deadline = trio.current_time() + 1.0  # expect: no-hardcoded-timeout
    now = trio.current_time()
    nursery.cancel_scope.deadline = now + 30  # expect: no-hardcoded-timeout


# On a mock clock, durations are virtual: the test moves the clock by hand.
async def test_deadline_change(mock_clock):
    with trio.CancelScope() as scope:
        scope.deadline = trio.current_time() + 10
        mock_clock.jump(5)


# A pad added to a timeout, and a timeout's default and pad named as such.
def gateway_request(kernel_launch_timeout):
    return fetch("/api/kernels", request_timeout=kernel_launch_timeout + 2)  # expect: no-hardcoded-timeout


class GatewayClient:
    connect_timeout_default_value = 40.0  # expect: no-hardcoded-timeout
    launch_timeout_pad_default_value = 2.0  # expect: no-hardcoded-timeout


# A stub's parameter default waits for nothing.
class InProcessChannel:
    def flush(self, timeout=1.0):
        """no-op to comply with stream API"""

    def wait(self, timeout=5.0):
        raise NotImplementedError

    def drain(self, timeout=5.0):  # expect: no-hardcoded-timeout
        return self.queue.get(timeout=timeout)


# A week standing in for the caller's None (Queue.get(timeout=None) cannot be interrupted).
def get_msg(block=True, timeout=None):
    if timeout is None:
        timeout = 604800
    return queue.get(block, timeout)


# A negative default documented as "no limit", and a blocking call asked to wait without a bound.
class FileLock:
    def __init__(self, path, timeout=-1):  # expect: no-unbounded-timeout
        """:param timeout: if you want to disable the timeout, set it to a negative value."""
        self.timeout = timeout

    def write_lock(self):
        return self.acquire(blocking=True, timeout=None)  # expect: no-unbounded-timeout

    def try_lock(self, retries=-1):
        """-1 retries forever."""
        return self.acquire(blocking=False, timeout=None)
