# Durations that bound no wait (session 27, guard-pyprec27). 0d2753e reports lines 9, 14, 30 and 41; the waits beside
# them stay reported.
import select
import sys

import wx
from memory_profiler import memory_usage

SPLASH_TIMEOUT = 30  # in milliseconds: how long the splash stays shown
CONNECT_TIMEOUT = 30  # expect: no-hardcoded-timeout


def kbhit():
    i, _, _ = select.select([sys.stdin], [], [], 0.0001)
    return sys.stdin in i


def wait_key():
    i, _, _ = select.select([sys.stdin], [], [], 5)  # expect: no-hardcoded-timeout
    return i


def splash(bm, sock, addr):
    wx.SplashScreen(bitmap=bm, splashStyle=wx.SPLASH_TIMEOUT, milliseconds=SPLASH_TIMEOUT, parent=None)
    sock.settimeout(CONNECT_TIMEOUT)
    sock.connect(addr)


def baseline(step):
    return memory_usage(-1, interval=step, timeout=1)


def child(proc):
    return memory_usage(proc, interval=0.1, timeout=30)  # expect: no-hardcoded-timeout


def render(app, target):
    if app["timeout"]:
        timeout = app["timeout"]
    else:
        timeout = 60
    if int(timeout):
        target.append("inactivity-timeout %s;" % int(timeout))
    target.append("term t%d protocol %s;" % (1, int(timeout)))
