# Durations named like timeouts that only say how long something lasts (session 22, guard-pyprec22): FUSE's
# `entry_timeout` / `attr_timeout` on llfuse's or pyfuse3's `EntryAttributes` (how long the kernel caches a lookup's
# reply; borg re-exports whichever binding it found as `llfuse`), and Sugar's `NotifyAlert(timeout=5)` (how long the
# alert shows). The same fields on another library's object, and Sugar's `TimeoutAlert` (it answers for the user when
# the time is up), stay reported.
import pyfuse3
from sugar3.graphics.alert import NotifyAlert, TimeoutAlert

import entries
from .fuse_impl import llfuse


def lookup(inode):
    entry = llfuse.EntryAttributes()
    entry.st_ino = inode
    entry.entry_timeout = 300
    entry.attr_timeout = 300
    return entry


def getattr_(inode):
    attrs = pyfuse3.EntryAttributes()
    attrs.attr_timeout = 60
    return attrs


def other(inode):
    entry = entries.Entry()
    entry.entry_timeout = 300  # expect: no-hardcoded-timeout
    return entry


def notify(activity, text):
    alert = NotifyAlert(timeout=5)
    alert.props.msg = text
    activity.add_alert(alert)
    shown = NotifyAlert(10)
    activity.add_alert(shown)
    ask = TimeoutAlert(timeout=5)  # expect: no-hardcoded-timeout
    activity.add_alert(ask)
