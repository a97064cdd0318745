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

# A constant outside any code list, under a timeout's name, is still a duration: reported where its literal is written
# (session 48: the alias's own line holds no literal, as solaar's `_PING_TIMEOUT = DEFAULT_TIMEOUT`).
DEFAULT_WAIT = 30  # expect: no-hardcoded-timeout
READ_TIMEOUT = DEFAULT_WAIT


def wait(event: threading.Event) -> bool:
    return event.wait(READ_TIMEOUT)


# locust's runner settings happen to read as a numbered list (-60, 5, 5, 60), but the file hands CONNECT_TIMEOUT on
# as `wait(timeout=...)`: a duration, whatever its neighbours look like. The list's other entries stay unflagged.
HEARTBEAT_DEAD_INTERNAL = -60
FALLBACK_INTERVAL = 5
CONNECT_TIMEOUT = 5  # expect: no-hardcoded-timeout
CONNECT_RETRY_COUNT = 60


def connect(connected: threading.Event) -> bool:
    return connected.wait(timeout=CONNECT_TIMEOUT)
