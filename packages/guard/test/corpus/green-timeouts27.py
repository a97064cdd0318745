import eventlet
import gevent
from eventlet import greenthread

import faults


def watchdog(event):
    # A green thread's timer around the test's wait: the block raises (fails the test) after 0.5 s.
    worker = greenthread.spawn(event.wait)
    with eventlet.timeout.Timeout(0.5):  # expect: no-hardcoded-timeout
        worker.wait()


def quiet_bound(worker):
    # `False` as the exception ends the block quietly when the 0.7 s run out: the 0.7 bounds the wait, False is no
    # duration.
    with eventlet.Timeout(0.7, False):  # expect: no-hardcoded-timeout
        worker.wait()


def gevent_round(sock):
    with gevent.Timeout(seconds=3):  # expect: no-hardcoded-timeout
        return sock.recv(1024)


def status_codes():
    # Another module's `Timeout` class (an error status built with its code): no green timer, nothing waits.
    return faults.Timeout(3)
