# Durations handed to a timer schedule (session 16, guard-pylife): the callback decides what the delay means.
import threading

from gi.repository import GLib
from PyQt5 import QtCore


def run_server(debug_gc):
    # firewalld: the period of a debug garbage-collection timer, re-armed by its callback: nothing waits.
    gc_timeout = 10

    def gc_collect():
        gc.collect()
        GLib.timeout_add_seconds(gc_timeout, gc_collect)

    if debug_gc:
        GLib.timeout_add_seconds(gc_timeout, gc_collect)


class Zone:
    # A runtime rule removed when its time is up: the rule's lifetime.
    RULE_TIMEOUT = 30

    def add_rule(self, zone, rule):
        GLib.timeout_add_seconds(self.RULE_TIMEOUT, self.disableTimedRichRule, zone, rule)

    def disableTimedRichRule(self, zone, rule):
        del self._timeouts[zone][rule]
        self.fw.zone.remove_rule(zone, rule)


class ViewBox:
    # How long a bounding rect stays shown: a display duration, cleared by a single-shot timer.
    def locate(self, item, timeout=3.0):
        self.locate_item = item
        QtCore.QTimer.singleShot(timeout * 1000, self.clearLocate)

    def clearLocate(self):
        self.locate_item = None


class Manager:
    # The delay before the next connection attempt, kept in a public field: another module of the package may read
    # it, so a file checked alone reports it (python-unread/schedules checks it with its package's facts).
    def __init__(self, loop, reconnect_timeout=2):  # expect: no-hardcoded-timeout
        self.loop = loop
        self.reconnect_timeout = reconnect_timeout

    def connection_lost(self, exc):
        self.loop.call_later(self.reconnect_timeout, self.connect)

    def connect(self):
        return self.loop.create_connection(self.factory, self.host, self.port)


class Retransmitter:
    # A private field read only by the schedule of the next try; a leading underscore is a convention, not evidence
    # that no subclass in another module reads it, so a file checked alone reports it (python-unread/schedules checks
    # it with its package's facts).
    def __init__(self, loop, retry_timeout=0.5):  # expect: no-hardcoded-timeout
        self.loop = loop
        self._retry_timeout = retry_timeout

    def send(self, request):
        self.transport.write(request)
        self._handle = self.loop.call_later(self._retry_timeout, self._retry, request)

    def _retry(self, request):
        self.send(request)


def set_response_cookie(cookie, name, timeout=60):
    # A cookie's lifetime in minutes, stored as its max-age.
    if timeout:
        cookie[name]["max-age"] = timeout * 60


class Runner:
    # A timer that ends the operation when it fires bounds it: a deadline.
    def run(self, proc, kill_timeout=30):  # expect: no-hardcoded-timeout
        timer = threading.Timer(kill_timeout, self.kill_proc, [proc])
        timer.start()
        proc.wait()
        timer.cancel()

    def kill_proc(self, proc):
        proc.kill()

    def start_with_retry(self, loop, fut, connect_timeout=10):  # expect: no-hardcoded-timeout
        # `connect` in the callback's name, but it fails the attempt: a deadline.
        loop.call_later(connect_timeout, self.connect_failed, fut)

    def connect_failed(self, fut):
        fut.set_exception(TimeoutError())

    def restart_later(self, loop, restart_timeout=5):  # expect: no-hardcoded-timeout
        # A callback of the file that raises when it fires gives up: a deadline.
        loop.call_later(restart_timeout, self.restart_or_raise)

    def restart_or_raise(self):
        raise RuntimeError("not restarted in time")


class HTTPConnectionPool:
    # Twisted's pool: the callback "removes" the cached connection, but closes it (`loseConnection`): an idle
    # connection's keep-alive timeout, a bound.
    cachedConnectionTimeout = 240  # expect: no-hardcoded-timeout

    def _putConnection(self, key, connection):
        self._timeouts[connection] = self._reactor.callLater(
            self.cachedConnectionTimeout, self._removeConnection, key, connection
        )

    def _removeConnection(self, key, connection):
        connection.transport.loseConnection()
        self._connections[key].remove(connection)


class TcpConnection:
    # pysyncobj: the connection is dropped when nothing arrived for `timeout` seconds, measured from a monotonic clock
    # helper of the package (`monotonicTime()`): an idle bound, kept in a private field.
    def __init__(self, poller, timeout=10.0):  # expect: no-hardcoded-timeout
        self.__timeout = timeout
        self.__lastReadTime = monotonicTime()

    def onTick(self):
        if monotonicTime() - self.__lastReadTime > self.__timeout:
            self.disconnect()


class RpcClient:
    # review16 item 5: the callback's name says "remove", but its body fails the request's future: a deadline.
    REQUEST_TIMEOUT = 30  # expect: no-hardcoded-timeout

    def call(self, request_id, payload):
        fut = self.loop.create_future()
        self.pending[request_id] = fut
        self.loop.call_later(self.REQUEST_TIMEOUT, self._remove_pending, request_id)
        return fut

    def _remove_pending(self, request_id):
        fut = self.pending.pop(request_id, None)
        if fut is not None and not fut.done():
            fut.set_exception(RequestTimedOut)


class Job(Worker):
    # review16 item 5: `cleanup` is defined in a base class of another module (it kills the process): the file does not
    # show what the callback does, so the delay is unknown and reported.
    WATCHDOG_TIMEOUT = 60  # expect: no-hardcoded-timeout

    def run(self):
        threading.Timer(self.WATCHDOG_TIMEOUT, self.cleanup).start()
        self.work()
