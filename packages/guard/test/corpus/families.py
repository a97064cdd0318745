# Families of real-world findings and non-findings (issue 9). `expect:` marks each line that must be flagged.
import asyncio
import datetime
import math
import os
import queue
import select
import subprocess
import threading
from datetime import timedelta
from http.client import HTTPConnection
from urllib.request import urlopen

import async_timeout
import httpx
import pytest
import redis
import requests
from aiohttp import ClientTimeout
from tornado import gen

# Code and flag tables whose names mention a timeout are not durations.
QUERY_FLAGS = {"tailable": 2, "oplogReplay": 8, "noCursorTimeout": 16, "awaitData": 32}
STATUS = {"OK": 200, "NOT_FOUND": 404, "REQUEST_TIMEOUT": 408, "BAD_GATEWAY": 502, "GATEWAY_TIMEOUT": 504}

# 0 means "poll, don't block"; None in defaults and option tables means "unset".
sock.settimeout(0.0)
pubsub.get_message(timeout=0)
options = {"connect_timeout": None, "read_timeout": None}
loop.create_connection(ssl_handshake_timeout=timeout.total or None)


def drain(timeout=0, connect_timeout=None):
    return timeout


# Nothing waits in assertions and validation tests.
assert t == httpx.Timeout(timeout=5.0)
mock.connect.assert_called_once_with("example.com", 443, timeout=None)
with pytest.raises(ValueError):
    ClientTimeout(total=-1)

# Durations that are not deadlines, and sentinels.
client_pause(timeout=1)
self._idle_timeout = -1

# Positional timeouts to standard-library blocking calls.
event = threading.Event()
event.wait(5)  # expect: no-hardcoded-timeout
worker.join(3)  # expect: no-hardcoded-timeout
proc = subprocess.Popen(["true"])
proc.wait(60)  # expect: no-hardcoded-timeout
q = queue.Queue()
q.get(True, 5)  # expect: no-hardcoded-timeout
urlopen(url, None, 5)  # expect: no-hardcoded-timeout
HTTPConnection("db", 80, 5)  # expect: no-hardcoded-timeout
select.select([sock], [], [], 5)  # expect: no-hardcoded-timeout
poller.poll(1000)  # expect: no-hardcoded-timeout
", ".join(parts)

# A literal stored in a variable, a class attribute or a module constant, then passed on.
WAIT_EVENT_TIMEOUT = 5  # expect: no-hardcoded-timeout
_POLL_TIMEOUT = 0.5  # expect: no-hardcoded-timeout


def local_constant(url):
    timeout = 3  # expect: no-hardcoded-timeout
    return requests.get(url, timeout=timeout)


def local_unnamed(url):
    t = 7  # expect: no-hardcoded-timeout
    return requests.get(url, timeout=t)


def from_env(url):
    timeout = float(os.environ.get("ORG_TIMEOUT_S", 5))  # expect: no-hardcoded-timeout
    return requests.get(url, timeout=timeout)


class Poller:
    READ_TIMEOUT = 30  # expect: no-hardcoded-timeout


# Wrapped literals.
requests.get(url, timeout=timedelta(seconds=0.01).total_seconds())
lock.acquire(timeout=timedelta(seconds=0.01))  # expect: no-hardcoded-timeout
yield gen.with_timeout(datetime.timedelta(seconds=3600), future)  # expect: no-hardcoded-timeout
make_client(socket_timeout=Option(120.0))  # expect: no-hardcoded-timeout
async_timeout.timeout(0.01)  # expect: no-hardcoded-timeout
requests.get(url, timeout=math.inf)  # expect: no-unbounded-timeout
DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60, sock_connect=30)  # expect: no-hardcoded-timeout, no-hardcoded-timeout

# One rule per meaning across languages: Playwright's 0 is "no limit" in Python as in JS.
page.set_default_timeout(0)  # expect: no-unbounded-timeout

# Test timeouts.
@pytest.mark.timeout(5)  # expect: no-hardcoded-timeout
def test_slow():
    pass


# The receiver decides, not the name: a redis-py pipeline is a Redis client; an in-memory set is not.
r = redis.Redis()
pipe = r.pipeline()
pipe.delete("k")  # expect: no-local-cache-delete
with r.pipeline() as p:
    p.delete("k")  # expect: no-local-cache-delete
self.redis.condition.subscriber.delete("k")


# Redis's blocking command is the wait: its own 0 leaves the bound to its caller (the written rule, session 14).
def brpop(self, keys, timeout=0):
    return self.execute_command("BRPOP", *keys, timeout)


def ceil_timeout(delay):
    if delay is None or delay <= 0:
        return async_timeout.timeout(None)
    return async_timeout.timeout(delay)


# Code lists written as statements, numbered in order, are not durations (pymysql's ER module);
# a set of option names (1 = known) is not a table of durations either.
ER_LOCK_WAIT_TIMEOUT = 1205
ER_READ_ONLY_TRANSACTION = 1207
ER_LOCK_DEADLOCK = 1213
ER_QUERY_TIMEOUT = 3024
ER_DUP_LIST_ENTRY = 3026
KNOWN_OPTIONS = {"connect_timeout": 1, "database": 1, "read_timeout": 1, "charset": 1, "host": 1, "port": 1}


# `settimeout(None)` switches a socket's timer off (blocking mode, the state a new socket starts in),
# like Node's `socket.setTimeout(0)`: after a phase, or to block on purpose, it is not itself a wait.
def handshake(sock, deadline):
    sock.settimeout(deadline.timeout())
    sock.do_handshake()
    sock.settimeout(None)


def setblocking(sock, flag):
    if flag:
        sock.settimeout(None)
    return sock.recv(1)


# The fallback of a timeout-named value is a default timeout wherever it goes.
def request(self, url):
    return self.transport.send(url, self.timeout or 20)  # expect: no-hardcoded-timeout


# A code list keeps its aliases and its tail (pymysql's ER module ends like this).
NO_TRIGGERS_ON_SYSTEM_SCHEMA = 1465
USERNAME = 1466
HOSTNAME = 1467
WRONG_STRING_LENGTH = 1468
ERROR_LAST = 1468
# MariaDB only
STATEMENT_TIMEOUT = 1969
QUERY_TIMEOUT = 3024


# A wait in a loop that goes round again when its timeout fires still has a hardcoded bound (a poll
# tick, like a select/poll tick); a local passed to a sleep is a delay.
async def serve(conn, worker):
    while worker.alive:
        try:
            data = await conn.receive_data(timeout=1.0)  # expect: no-hardcoded-timeout
        except asyncio.TimeoutError:
            continue
        worker.handle(data)


# A local passed to a sleep is a delay (a backoff that doubles), however it is named.
def waitfor(path):
    timeout = 0.001
    while timeout < 1.0:
        if not os.path.exists(path):
            return
        time.sleep(timeout)
        timeout *= 2
