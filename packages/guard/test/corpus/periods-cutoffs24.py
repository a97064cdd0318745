# Session 24 (guard-pyprec24): a GLib source that repeats (its interval paces rounds), a cache's camelCase
# `defaultTimeout`, a cut-off of records' ages (`now - timeout`), a notification's `setTimeout(int(t * 1000))`. The
# one-shot source that kills, the cut-off polled in a `while` loop and the one against a clock reading this code took
# stay reported.
import subprocess
import time

from gi.repository import GLib

from . import sys_notify


class GPin:
    UPDATE = False
    REGISTRY = []

    @classmethod
    def update_all(self):
        # An early `return` switches the source off; a round that drops broken pins ends nothing of a wait.
        if not self.UPDATE:
            return
        kill = []
        for p in self.REGISTRY:
            try:
                p.update()
            except Exception:
                kill.append(p)
        return self.UPDATE

    @classmethod
    def update_start(self, timeout=100):
        GPin.UPDATE = True
        GLib.timeout_add(timeout, self.update_all)

    def watch(self, cmd, timeout=100):  # expect: no-hardcoded-timeout
        self.proc = subprocess.Popen(cmd)
        GLib.timeout_add(timeout, self.kill_all)

    def kill_all(self):
        self.proc.kill()
        return False


class Cache:
    "Simple time-based cache"

    def __init__(self, defaultTimeout=300):
        self.defaultTimeout = defaultTimeout
        self._cache = {}

    def set(self, key, value):
        self._cache[key] = (value, time.monotonic(), self.defaultTimeout)


children = {}


def reap(timeout=60):
    now = time.time()
    oldest_allowed = now - timeout
    dead = [pid for pid, val in children.items() if val[2] < oldest_allowed]
    for pid in dead:
        del children[pid]


def wait_child(pid, timeout=60):  # expect: no-hardcoded-timeout
    start = time.time()
    limit = start - timeout
    while True:
        if time.time() - 1 < limit:
            break
        time.sleep(0.1)


def wait_started(timeout=60):  # expect: no-hardcoded-timeout
    started = time.time()
    cutoff = time.time() - timeout
    if started < cutoff:
        raise RuntimeError("late")


def build_notification(title="", message="", icon=None, timeout=2):
    n = sys_notify.Notification(title, message, icon)
    n.setTimeout(int(timeout * 1000))
    n.show()
    return n
