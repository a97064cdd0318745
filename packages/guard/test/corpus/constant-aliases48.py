# Python `no-hardcoded-timeout`, session 48 (issue 9): a constant's literal is reported once, where it is written.
# solaar's `_PING_TIMEOUT = DEFAULT_TIMEOUT` is another name for it, and uhd's `datetime.now() +
# timedelta(milliseconds=CLOCK_TIMEOUT)` a deadline made of it: neither line holds a literal of its own.
import time
from datetime import datetime, timedelta

DEFAULT_TIMEOUT = 4  # expect: no-hardcoded-timeout
_DEVICE_REQUEST_TIMEOUT = DEFAULT_TIMEOUT
_PING_TIMEOUT = _DEVICE_REQUEST_TIMEOUT
FOUR = 4  # expect: no-hardcoded-timeout
_READ_TIMEOUT = FOUR
CLOCK_TIMEOUT = 1000  # expect: no-hardcoded-timeout


def lock(usrp):
    end_time = datetime.now() + timedelta(milliseconds=CLOCK_TIMEOUT)
    deadline = time.time() + DEFAULT_TIMEOUT
    settle = datetime.now() + timedelta(seconds=2)  # expect: no-hardcoded-timeout
    while datetime.now() < end_time and time.time() < deadline and datetime.now() < settle:
        usrp.poll()


def ping(h):
    return h.read(timeout=_PING_TIMEOUT) or h.read(timeout=_READ_TIMEOUT)
