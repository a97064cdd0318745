# Python precision, session 12 (guard-pyprec4): fixed periods run out on the clock, and calls a test makes on what
# a double returned or records with unittest.mock's `call`. `expect:` marks each line that must be flagged; every
# other line must not be.
import queue
import time
from time import sleep
from unittest.mock import call

from testfixtures.popen import MockPopen


# vispy's `_vispy_warmup`: the clock is the whole condition and the body neither leaves nor waits: a fixed period.
def warmup(canvas):
    etime = time.time() + 0.25
    while time.time() < etime:
        sleep(0.01)
        canvas.set_current()
        canvas.process_events()


# A break of an inner loop only ends that loop: the outer one still runs its whole period.
def settle(items):
    end = time.monotonic() + 2.0
    while end > time.monotonic():
        for item in items:
            if item.done():
                break
        sleep(0.05)


# The loop can end early when the thing it polls is ready: a bound on that wait.
def wait_ready(sock):
    etime = time.time() + 2.0  # expect: no-hardcoded-timeout
    while time.time() < etime:
        if sock.ready():
            return True
        sleep(0.01)
    return False


# Another condition ends the loop: the clock bounds how long it waits for the draws.
def wait_for_draws(app, counts):
    limit = time.time() + 3.0  # expect: no-hardcoded-timeout
    while counts[0] < 5 and time.time() < limit:
        app.process_events()


# The body waits on a queue: the period bounds those waits.
def drain(q):
    stop = time.time() + 1.5  # expect: no-hardcoded-timeout
    while time.time() < stop:
        try:
            q.get(timeout=0.1)  # expect: no-hardcoded-timeout
        except queue.Empty:
            continue


# Raising out of the loop gives up on something: a bound.
def wait_or_fail(probe):
    t = time.time() + 4.0  # expect: no-hardcoded-timeout
    while time.time() < t:
        if probe.failed():
            raise RuntimeError("probe failed")
        sleep(0.1)


# A helper defined in the loop body returns from itself, not from the loop.
def fixed_with_helper(canvas):
    etime = time.time() + 0.5
    while time.time() < etime:
        def draw():
            return canvas.draw()
        draw()
        sleep(0.01)


# testfixtures' tests of its own MockPopen: the process is what the mock returned, the `call` records are compared.
def test_wait_timeout():
    Popen = MockPopen()
    process = Popen("a command")
    process.wait(timeout=1)
    process.wait(1)
    process.communicate(timeout=1)
    assert Popen.mock.method_calls == [
        call.Popen("a command"),
        call.Popen_instance.wait(timeout=1),
        call.Popen_instance.wait(1),
        call.Popen_instance.communicate(timeout=1),
    ]


# What a double's method returns is not the double (a fake's `spawn` may start a real process): only calling the
# double itself hands one back.
def test_spawned(threading):
    fake = MockPopen()
    proc = fake.spawn("x")
    proc.wait(timeout=3)  # expect: no-hardcoded-timeout
    threading.Event().wait(5)  # expect: no-hardcoded-timeout


# Kivy's cache: a category's `timeout` is how long an unused entry stays (kivy.cache's documentation), not a wait.
def register_caches(Cache):
    Cache.register("kv.image", timeout=60)
    Cache.register("kv.loader", limit=500, timeout=60)
    Cache.append("kv.image", "key", object(), timeout=5)


# `register` on anything else is no cache's: a callback registry's timeout still bounds its wait.
def register_handler(bus, handler):
    bus.register("reply", handler, timeout=30)  # expect: no-hardcoded-timeout
