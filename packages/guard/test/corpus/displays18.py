# How long a message shows, and a cache write's lifetime (session 18, guard-pyprec18): nothing blocks on either.
import socket

import dbus
import notify2


class Notifications:
    # opensnitch: a desktop notification's display time, looked up with a fallback and converted to milliseconds.
    def show(self, title, body):
        ntf = notify2.Notification(title, body, "dialog-information")
        timeout = self._cfg.getInt(self.DEFAULT_TIMEOUT_KEY, 15)
        if timeout > 0:
            timeout = timeout * 1000
        ntf.set_timeout(timeout * 1000)
        ntf.timeout = timeout * 1000
        ntf.show()

    # A tray bubble's display time: Qt's `showMessage(title, body, icon, msecs)`.
    def tray(self, title, body, icon):
        timeout = self._cfg.getInt(self.DEFAULT_TIMEOUT_KEY, 15)
        self._tray.showMessage(title, body, icon, timeout * 1000)

    # A status bar message's display time, by keyword.
    def saved(self):
        self.statusBar().showMessage("Saved", timeout=2000)


class NotifyDbus:
    # plyer: the freedesktop service's `Notify(...)`, whose eighth argument is the bubble's expiry.
    def _notify(self, **kwargs):
        timeout = kwargs.get("timeout", 10)
        interface = dbus.Interface(self._bus.get_object("org.freedesktop.Notifications", "/"), "x")
        interface.Notify("app", 0, "", kwargs["title"], kwargs["message"], [], {}, timeout * 1000)


class CachedFileBackend:
    # django-imagekit: how long a file's missing state is cached, the third argument of the cache's `set`.
    existence_check_timeout = 5

    def set_state(self, key, state):
        self.cache.set(key, state, self.existence_check_timeout)


class Still:
    # Another object's `set_timeout` bounds a wait: only a notification made in the same function shows for a time.
    def connect(self, host):
        sock = socket.create_connection((host, 80))  # expect: no-unbounded-timeout
        timeout = self._cfg.getInt(self.KEY, 15)  # expect: no-hardcoded-timeout
        sock.settimeout(timeout)
        return sock

    def ask(self, conn):
        timeout = self._cfg.getInt(self.KEY, 20)  # expect: no-hardcoded-timeout
        conn.set_timeout(timeout * 1000)
        return conn.request()

    # `Notify` with another number of arguments is no freedesktop notification.
    def notify(self, bus, name):
        timeout = self._cfg.getInt(self.KEY, 30)  # expect: no-hardcoded-timeout
        bus.Notify(name, timeout)

    # A duration compared with a positive number may be a deadline's test: the finding stays.
    def poll(self, elapsed):
        timeout = self._cfg.getInt(self.KEY, 40)  # expect: no-hardcoded-timeout
        if elapsed > timeout:
            raise TimeoutError()
        self._tray.showMessage("waiting", "", None, timeout * 1000)
