# Families found on the fresh8 sample (issue 9). `expect:` marks each line that must be flagged; every other line
# must not be.
import datetime as dt
import math
import queue
import sqlite3
import threading
import time

import apsw
from joblib.testing import timeout

DEFAULT_TIMEOUT_SECS = 60 * 60
TOKEN_TIMEOUT = 300
POLL_TIMEOUT = 5  # expect: no-hardcoded-timeout
IDLE_TIMEOUT = 60  # expect: no-hardcoded-timeout
TIMEOUT1, TIMEOUT2 = 0.82, 0.35  # expect: no-hardcoded-timeout, no-hardcoded-timeout


# A cache's own timeout is how long its entries live (Django's cache API, Flask-Caching, cachelib).
class BaseCache:
    def __init__(self, default_timeout: int | dt.timedelta = 300, socket_timeout: float = 5.0):  # expect: no-hardcoded-timeout
        self.default_timeout = default_timeout
        self.socket_timeout = socket_timeout

    def set(self, key, value, timeout=None):
        raise NotImplementedError


class RedisCache(BaseCache):
    def __init__(self, host="localhost", default_timeout=300):
        super().__init__(default_timeout)
        self.params = {}

    def read_timeout(self):
        return self.params.get("TIMEOUT", 300)

    def set(self, key, value, timeout=None):
        return self.client.setex(key, timeout or self.read_timeout(), value)


# diskcache's `Cache(timeout=60)` is its SQLite connection timeout: its writes take their lifetime as `expire`.
class DiskCache:
    def __init__(self, directory, timeout=60):  # expect: no-hardcoded-timeout
        self._sql = sqlite3.connect(directory, timeout=timeout)

    def set(self, key, value, expire=None):
        return self._sql.execute("insert", (key, value, expire))


class RepoCache:
    timeout = 20  # seconds after which we forget the revision

    def __init__(self):
        self.entries = []

    def get(self, url):
        now = time.time()
        for entry in self.entries:
            if now < entry.timestamp + self.timeout:
                return entry.rev
        return None


# Compared with an entry's age (a timestamp read from data), added to the clock and stored with data, or handed to a
# store as an expiry: a lifetime.
def validate_token(token, current_time=None):
    token_time = int(token.split(":")[-1])
    if current_time is None:
        current_time = time.time()
    return current_time - token_time <= DEFAULT_TIMEOUT_SECS


def remember(store, key, value, timeout=600):
    store[key] = (time.time() + timeout, value)


def lease(redis_client, key):
    redis_client.setex(key, TOKEN_TIMEOUT, "1")


def stale_locks(paths, lock_timeout=172800):
    if not lock_timeout:
        return []
    return [p for p in paths if abs(p.mtime() - p.created) > lock_timeout]


# Elapsed time since a start this code took from the clock, in a loop that waits, or since an event the file
# timestamps itself: a wait's or an idle connection's bound.
def wait_until(pred):
    start = time.monotonic()
    while not pred():
        if time.monotonic() - start > POLL_TIMEOUT:
            raise TimeoutError
        time.sleep(0.1)


class Connection:
    def touch(self):
        self._last_seen = time.monotonic()

    def idle(self):
        return time.monotonic() - self._last_seen > IDLE_TIMEOUT


# A table of method names and a local nothing reads bound nothing.
EXPECTED_ARGS = {
    "create_collation": 2,
    "set_busy_handler": 1,
    "set_busy_timeout": 1,
    "set_commit_hook": 1,
}


class Server:
    def serve(self):
        timeout = 5
        Server.serve(self, 5)


# Waits recognised by what the callee does, not by the argument's name.
class PipeTest:
    def test_poll(self, a, q):
        self.assertEqual(a.poll(1.0), True)  # expect: no-hardcoded-timeout
        self.assertEqual(q.get(timeout=1), 4)  # expect: no-hardcoded-timeout
        assert q.get(timeout=TIMEOUT1) == 4
        assert a == dt.timedelta(seconds=5)


def busy(connection: apsw.Connection, duration_ms: int = 100) -> None:  # expect: no-hardcoded-timeout
    connection.set_busy_timeout(duration_ms)


def locks(db):
    db.setlk_timeout(1000, apsw.SQLITE_SETLK_BLOCK_ON_CONNECT)  # expect: no-hardcoded-timeout
    db.setbusytimeout(250)  # expect: no-hardcoded-timeout


async def deadlines(db, fail_after):
    for limit in (0, 0.001, 0.5, 2):  # expect: no-hardcoded-timeout
        with fail_after(limit):
            await db.execute("select 1")


@timeout(0)  # expect: no-unbounded-timeout
def test_long_running():
    queue.Queue().put(1)


def worker(event: threading.Event):
    event.wait(2)  # expect: no-hardcoded-timeout


async def armed(db):
    with apsw.aio.contextvar_set(apsw.aio.deadline, time.time() + 0.02):  # expect: no-hardcoded-timeout
        await db.execute("select 1")
    with apsw.aio.contextvar_set(apsw.aio.deadline, time.time() - 0.01):  # expect: no-hardcoded-timeout
        await db.execute("select 1")
    cache_entry = {"expires": time.time() + 300}
    return cache_entry


def wait_for_deadline(event: threading.Event, deadline=None):
    # The caller's None (no deadline) re-spelled as "no limit" is the caller's choice.
    return event.wait(math.inf if deadline is None else deadline - time.monotonic())


BUSY_TIMEOUT = 1.5  # expect: no-hardcoded-timeout


def contend(db, move_on_after):
    # The setter reads the constant: its hardcoded value is reported where it is written, once.
    db.set_busy_timeout(int(BUSY_TIMEOUT * 1000))
    unentered = move_on_after(5)
    assert unentered.deadline
    scope = move_on_after(2)  # expect: no-hardcoded-timeout
    with scope:
        db.execute("select 1")
