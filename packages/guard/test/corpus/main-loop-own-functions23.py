# GUI main-loop timers whose callback calls the file's own functions (session 23 mend, review23 items 1 and 2): only
# `self.m()` (a method of the enclosing class or of a base the file defines) and a bare `f()` (a def at module level or
# in a function around the call) are read through their bodies. Another object's method (`self._cancellable.cancel()`,
# `self.proc.kill()`) keeps the word test, even where the file defines a function of that name.
import subprocess

from gi.repository import GLib, Gio


class Window:
    # An unrelated class's `kill` only hides a window.
    def kill(self):
        self.window.hide()


class Converter:
    # give up on a conversion that hangs: the subprocess's kill is not Window.kill
    CONVERT_TIMEOUT = 30  # expect: no-hardcoded-timeout

    def start(self):
        self.proc = subprocess.Popen(["convert", "in.png", "out.png"])
        GLib.timeout_add_seconds(self.CONVERT_TIMEOUT, self.check_conversion)

    def check_conversion(self):
        if self.proc.poll() is None:
            self.proc.kill()
        return False


class Download:
    # give up on a transfer that stalls: the class's `cancel` wraps the Cancellable's cancel of the same name
    TRANSFER_TIMEOUT = 60  # expect: no-hardcoded-timeout

    def start(self, uri):
        self._cancellable = Gio.Cancellable()
        self.done = False
        self._sid = GLib.timeout_add_seconds(self.TRANSFER_TIMEOUT, self._check)

    def _check(self):
        if not self.done:
            self.cancel()
        return False

    def cancel(self):
        self._cancellable.cancel()


class Transfer:
    def abandon(self):
        self._operation.cancel()


class Upload(Transfer):
    # The in-file base's `abandon` cancels the operation: a deadline.
    UPLOAD_TIMEOUT = 120  # expect: no-hardcoded-timeout

    def start(self):
        GLib.timeout_add_seconds(self.UPLOAD_TIMEOUT, self._check)

    def _check(self):
        self.abandon()
        return False


class Toast:
    # How long a message shows: the class's own `dismiss` only hides it (Window.kill and Download.cancel are other
    # classes' and are not read here).
    def show(self, msg, timeout=4000):
        self.label.set_text(msg)
        GLib.timeout_add(timeout, self._hide_later)

    def _hide_later(self):
        self.dismiss()
        return False

    def dismiss(self):
        self.revealer.set_reveal_child(False)


def _redraw_all(widgets):
    for widget in widgets:
        widget.queue_draw()


class Clock:
    # A refresh period: the callback re-arms itself and calls a module-level helper.
    TICK_TIMEOUT = 1000

    def start(self):
        GLib.timeout_add(self.TICK_TIMEOUT, self._tick)

    def _tick(self):
        _redraw_all(self.widgets)
        GLib.timeout_add(self.TICK_TIMEOUT, self._tick)
        return False
