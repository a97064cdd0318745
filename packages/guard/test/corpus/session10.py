# Families found on fresh10, fresh11 and scout12py (issue 9). `expect:` marks each line that must be flagged; every
# other line must not be.
import asyncio
import contextlib
import socket
import threading
import urllib.request

import requests


# A constructor's None that the object later waits with is the library's own "no limit": stored and read as a
# socket's timeout, a thread's join timeout, a requests timeout, or handed to another constructor that does so.
class SocketServer:
    def __init__(self, port=None, timeout=None, log=None):  # expect: no-unbounded-timeout
        self.timeout = timeout
        self.serversocket = socket.socket()

    def accept(self):
        self.clientsocket, _ = self.serversocket.accept()
        self.clientsocket.settimeout(self.timeout)


class SocketCalculator:
    def __init__(self, port=None, timeout=None):  # expect: no-unbounded-timeout
        self.port = port
        self.timeout = timeout

    def launch_server(self):
        return SocketServer(port=self.port, timeout=self.timeout)


class SocketClient:
    def __init__(self, host="localhost", port=None, timeout=None):  # expect: no-unbounded-timeout
        sock = socket.socket()
        sock.connect((host, port))
        sock.settimeout(timeout)
        self.sock = sock


def delta_to_seconds_or_none(value):
    return value


class MultiBar:
    def __init__(self, join_timeout=None):  # expect: no-unbounded-timeout
        self.join_timeout = delta_to_seconds_or_none(join_timeout)
        self._thread = threading.Thread(target=self.render)

    def __exit__(self, *exc):
        self._thread.join(timeout=self.join_timeout)


class Locator:
    def __init__(self, url, timeout=None):  # expect: no-unbounded-timeout
        self.url = url
        self.timeout = timeout

    def fetch(self):
        return requests.get(self.url, timeout=self.timeout)


class Connection:
    def __init__(self, host, connect_timeout=None):  # expect: no-unbounded-timeout
        self.host = host
        self.connect_timeout = connect_timeout

    async def connect(self):
        return await asyncio.wait_for(asyncio.open_connection(self.host, 3306), timeout=self.connect_timeout)


# Not the object's "no limit": the function is itself the wait (the caller's choice), the None is replaced or kept
# away from the wait, the setting reaches a callee whose None may mean its own default, or nothing waits with it.
class Worker:
    def __init__(self, timeout=None):
        self._thread = threading.Thread(target=self.run)
        self.timeout = timeout

    def join(self, timeout=None):
        self._thread.join(timeout)


class TlsStream:
    def __init__(self, sock, timeout=None):
        self._sock = sock
        self._sock.settimeout(timeout)
        self.handshake()

    def read(self, n, timeout=None):
        self._sock.settimeout(timeout)
        return self._sock.recv(n)


class Guarded:
    def __init__(self, timeout=None):
        self.timeout = timeout

    def connect(self, sock):
        if self.timeout is not None:
            sock.settimeout(self.timeout)


class Replaced:
    def __init__(self, timeout=None):
        if timeout is None:
            timeout = 10  # expect: no-hardcoded-timeout
        self.timeout = timeout

    def fetch(self, url):
        return urllib.request.urlopen(url, None, self.timeout)


class FilledLater:
    def __init__(self, timeout=None):
        self.timeout = timeout

    def start(self):
        if self.timeout is None:
            self.timeout = self.default_timeout()

    def accept(self, sock):
        sock.settimeout(self.timeout)


class FallsBack:
    def __init__(self, timeout=None):
        self.timeout = timeout

    def accept(self, sock):
        sock.settimeout(self.timeout or 30)  # expect: no-hardcoded-timeout


class HandsOn:
    def __init__(self, client, timeout=None):
        self.client = client
        self.timeout = timeout

    def call(self, method):
        return self.client.request(method, timeout=self.timeout)


class Records:
    def __init__(self, timeout=None):
        self.timeout = timeout

    def describe(self):
        return {"timeout": self.timeout}


# Since session 44 the connect itself is reported: the module's only default timeout (`socket_timeout` below) is put
# back when its `with` block ends, so it does not bound this connect.
def connect(host, timeout=None):
    sock = socket.create_connection((host, 80))  # expect: no-unbounded-timeout
    sock.settimeout(timeout)
    return sock


# The default of a parameter not named like a timeout that the body hands to a wait as its timeout.
@contextlib.contextmanager
def socket_timeout(seconds=15):  # expect: no-hardcoded-timeout
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(seconds)
    try:
        yield
    finally:
        socket.setdefaulttimeout(previous)


def finishes_within(target, n, deadline=30):  # expect: no-hardcoded-timeout
    proc = threading.Thread(target=target, args=(n,))
    proc.start()
    proc.join(deadline)
    return not proc.is_alive()


def start_server(cluster, wait=60):  # expect: no-hardcoded-timeout
    cluster.launch()
    cluster.test_connection(timeout=wait)


# Not: a pacing interval or delay, a parameter the body changes before the wait, a default that reaches no timeout.
def observe(observer_cls, polling_interval=1):
    return observer_cls(timeout=polling_interval)


def connect_staggered(attempts, happy_eyeballs_delay=0.25):
    for attempt in attempts:
        attempt.done.wait(happy_eyeballs_delay)


def wait_doubled(event, seconds=5):
    seconds = seconds * 2
    event.wait(seconds)


def enqueue(queue, count=5):
    queue.put(count)
