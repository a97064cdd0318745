# Session 30 (guard-pyfp30): durations named like timeouts that count, go nowhere, or only pause.
import threading

import serial


class Runner:
    def __init__(self):
        self.timeout = 5  # expect: no-hardcoded-timeout
        self.connect_timeout = 0

    def retry(self):
        # A timeout padded before the next attempt: a literal part of the bound.
        self.timeout += 1  # expect: no-hardcoded-timeout
        return serial.Serial("/dev/ttyS0", timeout=self.timeout)

    def failed(self):
        # A tally of failed connects that starts at 0: a count, not a duration.
        self.connect_timeout += 1
        return self.connect_timeout > 1000


def restarts(pool):
    nb_timeout = 0
    for job in pool:
        if not job.wait(timeout=10):  # expect: no-hardcoded-timeout
            nb_timeout += 1
    return nb_timeout >= 4


class _DummySerial:
    def __init__(self, *args, **kwargs):
        self._data = [1, 2, 3]


class _KeptSerial:
    def __init__(self, *args, **kwargs):
        self._port = serial.Serial(*args, **kwargs)


def transports():
    dummy = _DummySerial("/dev/null", 38400, timeout=0.1)
    kept = _KeptSerial("/dev/ttyS0", 38400, timeout=0.1)  # expect: no-hardcoded-timeout
    return dummy, kept


class DummyTransport:
    def __init__(self):
        self._close_event = threading.Event()
        self.reader = None

    def receive(self, data=None):
        if data is None:
            self._close_event.wait(0.1)
            return None
        return data

    def lines(self):
        self.reader.data_ready.wait(1)  # expect: no-hardcoded-timeout
        return self.reader.get_lines()

    def close(self):
        self._close_event.set()


async def login(controller):
    # `from asyncio.timeouts import timeout` is asyncio's own `timeout`.
    from asyncio.timeouts import timeout

    async with timeout(10):  # expect: no-hardcoded-timeout
        await controller.login()


def open_connection(host, timeout):
    import http.client

    try:
        conn = http.client.HTTPConnection(host, timeout=timeout)
    except TypeError:  # python<2.6, no timeout keyword
        conn = http.client.HTTPConnection(host)
    return conn


def open_plain(host):
    import http.client

    try:
        conn = http.client.HTTPConnection(host)  # expect: no-unbounded-timeout
    except OSError:
        conn = http.client.HTTPConnection(host)  # expect: no-unbounded-timeout
    return conn
