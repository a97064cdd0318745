# GUI main-loop timers, what the callback does (session 23, guard-pyprec23): a value also written into a log, a callback
# held in a local, a callback that calls the file's own `stop`, a nested handler named for an exit, a docstring, an
# acronym before a word, a lambda that tests its receiver first. The deadlines below them stay reported.
import logging

import wx
from gi.repository import GLib

logger = logging.getLogger(__name__)


class Workspace:
    # How long until the UI hides; the value is also logged.
    AUTOHIDE_TIMEOUT = 800

    def start_autohide(self):
        logger.debug("Starting autohide timeout (%d milliseconds)", self.AUTOHIDE_TIMEOUT)
        self._autohide_sid = GLib.timeout_add(self.AUTOHIDE_TIMEOUT, self._autohide_timeout_cb)

    def _autohide_timeout_cb(self):
        """Hide the widgets when the auto-hide timer (the timeout) finishes."""
        self._cancel_autohide_timeout()
        self.toolbar.hide()
        return False

    def _cancel_autohide_timeout(self):
        GLib.source_remove(self._autohide_sid)


class Document:
    def flip_pressed(self, mode, action):
        # A long press: the key-up handler changes after the delay; the callback is held in a local first.
        timeout = getattr(mode, "keyup_timeout", 500)
        cb = self._change_keyup_callback
        if timeout > 0:
            GLib.timeout_add(timeout, cb, mode, action)

    def _change_keyup_callback(self, mode, action):
        def _exit_mode_late_keyup_cb(*a):
            self.modes.pop()

        action.keyup_callback = _exit_mode_late_keyup_cb
        return False


class Progressbar:
    # How long a message shows before the bar is finalized; `stop` is the bar's own, it ends a pulse.
    def message(self, msg, timeout=1500):
        self.label.set_text(msg)
        GLib.timeout_add(timeout, self.finalize)

    def finalize(self):
        self.stop()
        self.hide()
        return False

    def stop(self):
        self.pulsing = False
        self.bar.set_fraction(0.0)


class Connection:
    def __init__(self, modem_manager_running):
        if modem_manager_running:
            # A delay before connecting, logged with an f-string; `PPPConnect` says connect.
            timeout = 10
            logging.info(f"ModemManager is running, delaying connection {timeout} sec")
            GLib.timeout_add_seconds(timeout, self.connect)

    def connect(self):
        self.mechanism.PPPConnect(self.port, result_handler=self.on_connected, error_handler=self.on_error)
        return False


class Popup(wx.Frame):
    def show_for(self, timeout=-1):
        # How long the notification window shows before it fades out.
        if timeout == -1:
            timeout = 6250
        if timeout:
            self._fadeout_timer = wx.CallLater(timeout, lambda: self and self.fade("out"))

    def fade(self, direction="in"):
        self.SetTransparent(255 if direction == "in" else 0)


class Request:
    # Logged too, but the callback gives up on the reply: a deadline.
    REPLY_TIMEOUT = 30  # expect: no-hardcoded-timeout

    def send(self):
        logger.debug("waiting %d s for the reply", self.REPLY_TIMEOUT)
        GLib.timeout_add_seconds(self.REPLY_TIMEOUT, self._reply_timeout_cb)
        self.loop.run()

    def _reply_timeout_cb(self):
        self.loop.quit()
        return False


class Dialog:
    def ask(self):
        # The callback held in a local is the file's own, and it cancels the pending call.
        timeout = 20  # expect: no-hardcoded-timeout
        cb = self._give_up
        GLib.timeout_add_seconds(timeout, cb)

    def _give_up(self):
        self._call.cancel()
        return False


class Child:
    # The file's own `halt` kills the child: judged by its body, a deadline.
    def run(self, timeout=60):  # expect: no-hardcoded-timeout
        self.proc = self.spawn()
        GLib.timeout_add_seconds(timeout, self.finish)

    def finish(self):
        self.halt()
        return False

    def halt(self):
        self.proc.kill()


class Guarded(wx.Frame):
    def start(self):
        # The guarded lambda aborts the transfer: a deadline.
        timeout = 5000  # expect: no-hardcoded-timeout
        wx.CallLater(timeout, lambda: self.transfer and self.transfer.abort())
