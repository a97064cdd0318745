# Families found on the fresh9 sample and checked on scout10py (issue 9). `expect:` marks each line that must be
# flagged; every other line must not be.
import asyncio
import contextlib
import multiprocessing
import os
import signal
import subprocess
import time
import urllib.request
from time import perf_counter

import httpx2


# A point in time "now + N" that a loop compares the clock with is a deadline, whatever it is named.
def wait_for_server(url):
    proc = subprocess.Popen(["server"])
    timeout = time.perf_counter() + 8  # expect: no-hardcoded-timeout
    while True:
        try:
            urllib.request.urlopen(url)  # expect: no-unbounded-timeout
            break
        except OSError:
            pass
        time.sleep(0.1)
        assert time.perf_counter() < timeout, "timed out"
    return proc


def open_clipboard(open_it):
    t = time.time() + 0.5  # expect: no-hardcoded-timeout
    while time.time() < t:
        if open_it():
            return True
        time.sleep(0.01)
    return False


class Pump:
    def flush(self):
        self._end = perf_counter() + 5  # expect: no-hardcoded-timeout
        while self.pump():
            if perf_counter() > self._end:
                return


def stop_workers(workers):
    limit = time.time() + 30  # expect: no-hardcoded-timeout
    while workers and time.time() < limit:
        if quick_shutdown():
            limit = time.time() + 2.0  # expect: no-hardcoded-timeout
        time.sleep(0.1)


# Not deadlines: a pacing point reset in the loop, an expiry checked once, a sum stored with data.
async def report_progress(loop, update):
    next_update = 0.0
    while True:
        await update.wait()
        if loop.time() >= next_update:
            next_update = loop.time() + 1
            loop.call_at(next_update, update.set)


def refresh_if_stale(token):
    expires = time.time() + 3600
    if time.time() > expires:
        token.refresh()
    return {"token": token, "until": time.time() + 3600}


def quick_shutdown():
    return False


# An explicit None for a blocking API's own timeout keyword waits without a limit, like the positional None.
async def shutdown(tasks, fut):
    for task in tasks:
        task.cancel()
    await asyncio.wait(tasks, timeout=None)  # expect: no-unbounded-timeout
    await asyncio.wait_for(fut, timeout=None)  # expect: no-unbounded-timeout
    await asyncio.wait_for(fut, None)  # expect: no-unbounded-timeout


def stop(worker, stopped, proc):
    stopped.wait(timeout=None)  # expect: no-unbounded-timeout
    worker.join(timeout=None)  # expect: no-unbounded-timeout
    worker.join(None)  # expect: no-unbounded-timeout
    return proc.poll(timeout=None)  # expect: no-unbounded-timeout


# The caller's None passed on is the caller's choice; an unknown callee's None may mean its own default.
async def drain(tasks, timeout=None):
    await asyncio.wait(tasks, timeout=timeout)
    await wait_for_connected(timeout=None)


async def wait_for_connected(timeout=None):
    return timeout


# httpx2 is httpx's API under another name: a client built with timeout=None switches the 5 s default off.
def default_client_factory():
    return httpx2.Client(
        follow_redirects=True,
        timeout=None,  # expect: no-unbounded-timeout
    )


# CPU budgets: a duration that only arms SIGALRM through the file's helpers interrupts in-process work; nothing waits.
@contextlib.contextmanager
def time_limit(seconds: float):
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def symbolic_equal(a, b, tolerance, timeout=10.0):
    with time_limit(timeout):
        return abs(simplify(a - b)) < tolerance


def math_equal(prediction, reference, tolerance=1e-4, timeout: float = 10.0):
    return symbolic_equal(prediction, reference, tolerance, timeout)


VALIDATION_TIMEOUT_S = int(os.environ.get("BENCH_TIMEOUT_S", "40"))


def run_with_timeout(fn, seconds: int = VALIDATION_TIMEOUT_S):
    signal.alarm(seconds)
    try:
        return fn()
    finally:
        signal.alarm(0)


def simplify(x):
    return x


# The same budget that also bounds a join of the sandbox process is a timeout.
def check_correctness(program, timeout=3.0):  # expect: no-hardcoded-timeout
    process = multiprocessing.Process(target=run_sandboxed, args=(program, timeout))
    process.start()
    process.join(timeout=timeout + 1)  # expect: no-hardcoded-timeout
    return process.exitcode


def run_sandboxed(program, timeout):
    with time_limit(timeout):
        exec(program)


# Vim's `timeoutlen`/`ttimeoutlen` (prompt-toolkit, IPython): how long to wait for the rest of a key sequence.
class KeyApplication:
    def __init__(self):
        self.ttimeoutlen = 0.5  # expect: no-hardcoded-timeout
        self.timeoutlen = 1.0  # expect: no-hardcoded-timeout
        self.timeout_len = 2.0  # expect: no-hardcoded-timeout
        self.timeout_length_label = 3.0


# A timeout's fallback turned into text sizes a column or a message; nothing waits on it.
def progress_width(runners, job):
    width = max(len(str(int(runner.timeout or 99))) for runner in runners)
    label = f"{job.timeout or 30}s"
    return width, label, job.wait(job.timeout or 30)  # expect: no-hardcoded-timeout
