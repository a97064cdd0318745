# A timeout after the `block` flag (session 23, guard-pyprec23): `False` means the call does not block, so a queue
# ignores the timeout (sfepy's `self.queue.get(False, 0.01)` returns or raises `Empty` at once) and a lock refuses one.
import queue
import threading

tasks = queue.Queue()
lock = threading.Lock()


def next_task():
    try:
        return tasks.get(False, 0.01)
    except queue.Empty:
        return None


def next_task_waiting():
    try:
        return tasks.get(True, 0.5)  # expect: no-hardcoded-timeout
    except queue.Empty:
        return None


def try_lock():
    return lock.acquire(True, 2)  # expect: no-hardcoded-timeout
