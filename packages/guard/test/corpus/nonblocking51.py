# Python `no-hardcoded-timeout`, session 51 (issue 9), from scons' ninja daemon (session 50's fresh196): a queue's
# non-blocking get or put ignores its timeout (it returns or raises `Empty`/`Full` at once), and a lock's non-blocking
# acquire refuses one. A blocking get, or a flag that is not a literal `False`, still waits up to the timeout.
import queue
import threading

output_q = queue.Queue()
lock = threading.Lock()


def drain(block):
    line = output_q.get(block=False, timeout=0.01)
    other = output_q.get(False, timeout=0.01)
    output_q.put(line, block=False, timeout=3)
    lock.acquire(blocking=False, timeout=1)
    waited = output_q.get(block=True, timeout=0.01)  # expect: no-hardcoded-timeout
    maybe = output_q.get(block=block, timeout=0.5)  # expect: no-hardcoded-timeout
    return line, other, waited, maybe
