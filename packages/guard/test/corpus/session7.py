# Families found on the fresh7 sample and the scout8py set (issue 9). `expect:` marks each line that must be
# flagged; every other line must not be.
import logging
import subprocess
import threading
import time
from typing import Final

from scapy.automaton import ATMT, Automaton

log = logging.getLogger(__name__)
_MAX_TIMEOUT: Final = 24 * 60 * 60


# A wait on an event that paces a loop or delays a retry is a stoppable sleep, not a deadline: the loop does its
# work each time the wait runs out, and the event only ends it.
class Spinner:
    def __init__(self):
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._spin = 0

    def _run(self):
        while not self._stop.wait(0.25):
            with self._lock:
                self._spin += 1
                self._draw()

    def _keepalive(self):
        while True:
            if self._stop.wait(timeout=30):
                break
            self._send_ping()

    def _reconnect(self):
        for attempt in range(5):
            if self._stop.is_set():
                return
            try:
                self._connect()
                break
            except OSError:
                self._stop.wait(1)


# A wait whose firing is what the code is after bounds that wait, in a loop or not.
class Waiter:
    def __init__(self):
        self._done = threading.Event()
        self._ready = threading.Event()

    def wait_done(self, thread):
        while not self._done.wait(1):  # expect: no-hardcoded-timeout
            if not thread.is_alive():
                raise RuntimeError("worker died")
            log.debug("still waiting")

    def serve(self):
        while not self._done.is_set():
            self._done.wait(1)  # expect: no-hardcoded-timeout

    def start(self):
        self._ready.wait(timeout=2.0)  # expect: no-hardcoded-timeout
        self._go()

    def stop(self, proc: subprocess.Popen):
        proc.kill()
        proc.wait(10)  # expect: no-hardcoded-timeout


# The caller's 0 that a pool reads as "no limit", re-spelled as infinity for what comes next.
class Pool:
    def __init__(self, timeout=None):
        self._wait_timeout = timeout
        if self._wait_timeout == 0:
            self._wait_timeout = float("inf")
        self._available = threading.Condition()

    def connect(self):
        deadline = time.monotonic() + self._wait_timeout
        while True:
            remaining = deadline - time.monotonic()
            with self._available:
                self._available.wait(timeout=min(remaining, 1.0))  # expect: no-hardcoded-timeout


# A literal the code picks itself as "no limit" is still unbounded.
def forever(timeout=None):
    if timeout == 5:
        timeout = float("inf")  # expect: no-unbounded-timeout
    return timeout


# A round's budget shared out among its items: each waits its share of 1 s.
def wait_procs(procs, timeout=None):
    alive = set(procs)
    deadline = time.monotonic() + (timeout or 0)
    while alive:
        for proc in list(alive):
            max_timeout = 1.0 / len(alive)  # expect: no-hardcoded-timeout
            if timeout is not None:
                timeout = min(deadline - time.monotonic(), max_timeout)
            proc.wait(timeout)
            alive.discard(proc)


# A scapy automaton's state timeout: the state is left when nothing came within the duration.
class TFTPRead(Automaton):
    @ATMT.state()
    def WAITING(self):
        pass

    @ATMT.timeout(WAITING, 3)  # expect: no-hardcoded-timeout
    def timeout_waiting(self):
        raise self.ERROR()


def run_once(runner, timeout):
    # A cap of a day guards an overflow: it bounds nothing anyone waits for.
    timeout = min(max(0, timeout), _MAX_TIMEOUT)
    return runner.poll(timeout)


# Tests on a clock moved by hand (twisted's `task.Clock`) run on virtual time; classes from a testing module
# (`MemoryReactor`) are doubles, and so is an object built on one; a fake that only records its arguments bounds
# nothing with its defaults.
from pydantic import BaseModel, Field
from twisted.internet.task import Clock
from twisted.internet.testing import MemoryReactor


def test_resolver_timeout(resolver_factory):
    timeout = 10
    clock = Clock()
    resolver = resolver_factory(clock)
    d = resolver.getHostByName("some.name", (timeout,))
    clock.advance(timeout - 1)
    return d


class LockTests:
    def setUp(self):
        self.clock = Clock()
        self.lock = DeferredFilesystemLock("lock", scheduler=self.clock)

    def test_wait_until_locked(self):
        return self.lock.deferUntilLocked(timeout=1)


def test_proxy_connect_timeout(xmlrpc):
    reactor = MemoryReactor()
    proxy = xmlrpc.Proxy(b"https://127.0.0.1:69", connectTimeout=3.0, reactor=reactor)
    proxy.callRemote("someMethod")


def test_real_reactor_connect(reactor, factory):
    reactor.connectTCP("127.0.0.1", 69, factory, timeout=5)  # expect: no-hardcoded-timeout


class RecordingReactor:
    def __init__(self):
        self.tcpClients = []

    def connectTCP(self, host, port, factory, timeout=30, bindAddress=None):
        self.tcpClients.append((host, port, factory, timeout, bindAddress))


class Connector:
    def connectTCP(self, host, port, factory, timeout=30):  # expect: no-hardcoded-timeout
        self.pending.append(host)
        return self._reactor.connectTCP(host, port, factory, timeout)


# A setting's declared default (pydantic's `Field(default=...)`) is the default timeout of whatever reads it.
class EmbeddingsClient(BaseModel):
    timeout: int = Field(gt=0, default=60)  # expect: no-hardcoded-timeout
    retries: int = Field(default=3)
