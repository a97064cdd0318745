# Python precision, session 12 (guard-pyprec4): a timeout's name given to an entry of a code list is a code.
# `expect:` marks each line that must be flagged; every other line must not be.
import threading

# pyglet's win32 constants: NTSTATUS codes numbered in order, then the WaitFor* return codes named after them.
STATUS_WAIT_0 = 0
STATUS_ABANDONED_WAIT_0 = 128
STATUS_USER_APC = 192
STATUS_TIMEOUT = 258
STATUS_PENDING = 259

WAIT_OBJECT_0 = STATUS_WAIT_0
WAIT_TIMEOUT = STATUS_TIMEOUT
WAIT_IO_COMPLETION = STATUS_USER_APC

# A constant outside any code list, under a timeout's name, is still a duration.
DEFAULT_WAIT = 30  # expect: no-hardcoded-timeout
READ_TIMEOUT = DEFAULT_WAIT  # expect: no-hardcoded-timeout


def wait(event: threading.Event) -> bool:
    return event.wait(READ_TIMEOUT)
