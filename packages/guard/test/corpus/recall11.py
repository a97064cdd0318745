# Session 11 Python recall: a module constant as a parameter's default, and library keywords where None is "no limit".
import pyvisa
import requests
from typing import Optional
from websockets.asyncio.server import serve
import websockets

# A module constant named for what it is (a deadline), handed on as a parameter's default into a request's timeout.
_DEFAULT_DEADLINE_SEC = 10  # expect: no-hardcoded-timeout


def remote_solve(endpoint, deadline_sec: Optional[float] = _DEFAULT_DEADLINE_SEC):
    return requests.post(endpoint, timeout=deadline_sec)


# The same constant shape where the parameter only sizes a batch: nothing waits with it.
_DEFAULT_BATCH = 10


def send_batches(items, batch: int = _DEFAULT_BATCH):
    return [items[i : i + batch] for i in range(0, len(items), batch)]


# A parameter whose default names a constant but that the function re-assigns: the default no longer reaches the wait.
_FALLBACK_WAIT = 5


def fetch(url, wait=_FALLBACK_WAIT):
    wait = wait * 2
    return requests.get(url, timeout=wait)


# websockets: open_timeout, close_timeout and ping_timeout of None disable the timeout (the defaults are 10, 10, 20 s).
async def run_server(handler, sock):
    return await serve(
        handler,
        sock=sock,
        ping_interval=None,
        ping_timeout=None,  # no ping is sent, so no pong is awaited: not reported
        open_timeout=None,  # expect: no-unbounded-timeout
        close_timeout=None,  # expect: no-unbounded-timeout
    )


async def run_client(uri):
    async with websockets.connect(uri, ping_timeout=None) as ws:  # expect: no-unbounded-timeout
        return await ws.recv()


# Another library's `open_timeout=None` means something it does not document as "forever": not reported.
def open_other(client, uri):
    return client.connect(uri, open_timeout=None)


# PyVISA: a resource's timeout of None is infinite, and open_resource sets it on the resource the object keeps.
class Instrument:
    def __init__(self, address: str, backend: str = "@py", timeout: Optional[int] = None):  # expect: no-unbounded-timeout
        rm = pyvisa.ResourceManager(backend)
        self._resource = rm.open_resource(address, timeout=timeout)


class ScopedInstrument:
    # The caller's None goes to a one-off query helper, not to the resource the object keeps: the caller's choice.
    def __init__(self, address: str, timeout: Optional[int] = None):
        rm = pyvisa.ResourceManager()
        rm.open_resource(address, timeout=timeout).close()


def open_forever(address):
    rm = pyvisa.ResourceManager()
    return rm.open_resource(address, timeout=None)  # expect: no-unbounded-timeout


# A literal count of a unit constant the code names is the literal duration.
from fluxworks import timeutil

_RPC_TIMEOUT = 1 * timeutil.TimeUtil.SEC  # expect: no-hardcoded-timeout
JOB_TIMEOUT = MINUTES * 5  # expect: no-hardcoded-timeout
# A configured value converted to another unit is the configuration's, not a literal of this line.
_CALL_TIMEOUT = settings.call_timeout * timeutil.TimeUtil.SEC
# A lower-case name may hold a configured duration: its product is a conversion.
READ_TIMEOUT = 3 * self_seconds


# An Event's wait takes its timeout alone; a wait handed the jobs as well waits for them, each round a poll tick.
def wait_for_jobs(view, ar_list, progress_bar):
    while True:
        progress_bar.update(sum(ar.progress for ar in ar_list))
        if view.wait(ar_list, timeout=0.5):  # expect: no-hardcoded-timeout
            break


def redraw_until_stopped(stop, screen):
    while True:
        if stop.wait(timeout=0.5):
            break
        screen.redraw()


# pySerial: a port's timeout of None waits forever for the bytes asked for.
import serial


class Meter:
    def __init__(self, port, timeout=None):  # expect: no-unbounded-timeout
        self.port = serial.Serial(port, 9600, timeout=timeout)


class LazyMeter:
    def __init__(self, name, timeout=None):  # expect: no-unbounded-timeout
        self.name = name
        self.timeout = timeout

    def connect(self):
        return serial.Serial(self.name, timeout=self.timeout)


def open_port(port):
    return serial.serial_for_url(port, timeout=None, write_timeout=None)  # expect: no-unbounded-timeout, no-unbounded-timeout


def poll_port(port):
    return serial.Serial(port, timeout=0)  # non-blocking: returns at once
