# How long a message shows through the package's own notifier (session 21, guard-pyprec21): pyhoca-gui's notifier
# classes hand `send`'s `timeout` to a notification's `set_timeout`, to wx's `ShowBalloon` or `NotificationMessage`,
# or to nothing; a default a body only shows bounds no wait. Judged file by file (the callers' `timeout=` needs the
# package's facts: test/display-parameters.test.ts).
import socket

import notify2
import wx


class LibnotifyPopup:
    timeout = {}

    def prepare(self, context, title=None, text=None, timeout=None):
        if timeout is not None:
            self.timeout[context] = timeout

    def send(self, title=None, text=None, context=None, timeout=8000):
        if context is not None:
            timeout = self.timeout[context]
            del self.timeout[context]
        n = notify2.Notification(title, text, "dialog-information")
        n.set_timeout(timeout)
        n.show()


class BalloonPopup:
    def send(self, title=None, text=None, context=None, timeout=8000):
        # wx's balloons take seconds on Windows: converted there and back.
        timeout = timeout / 1000
        self.taskbar.ShowBalloon(title, text, timeout * 1000, wx.ICON_INFORMATION)


class MessagePopup:
    def send(self, title=None, text=None, context=None, timeout=8000):
        msg = wx.NotificationMessage()
        msg.SetTitle(title)
        msg.Show(timeout=timeout / 1000)

    def welcome(self):
        msg = wx.NotificationMessage()
        msg.Show(timeout=5)


class Still:
    # A parameter also compared with elapsed time bounds a loop: the default stays reported.
    def send(self, title, elapsed, timeout=8000):  # expect: no-hardcoded-timeout
        if elapsed > timeout:
            raise TimeoutError()
        self.taskbar.ShowBalloon(title, "", timeout, 0)

    # A parameter only tested against None, never shown: nothing says display, the finding stays.
    def check(self, timeout=30):  # expect: no-hardcoded-timeout
        if timeout is None:
            raise ValueError("timeout")
        return self.run()

    # Stored on the object where a socket reads it: a wait's bound.
    def configure(self, title, timeout=20):  # expect: no-hardcoded-timeout
        self.timeout = timeout
        self.taskbar.ShowBalloon(title, "", timeout, 0)

    def connect(self, host):
        sock = socket.create_connection((host, 80), self.timeout)
        return sock

    # `Show(timeout=)` on anything but a notification message may bound a wait.
    def dialog(self, window):
        window.Show(timeout=5)  # expect: no-hardcoded-timeout
