# Python `no-hardcoded-timeout`, session 49 (issue 9): a display duration handed by position, in another unit, to the
# class's own method that only shows it (plover's tray icon: `timeout = 10` then `self.show_message(message, icon,
# timeout * 1000)`, whose body hands it to Qt's `showMessage`), and a status text cleared by a main-loop timer only when
# a duration is given (exaile's `_set_status(message, timeout=0)`: `if timeout: GLib.timeout_add_seconds(timeout,
# self._set_status, "", 0)`). The same shapes reaching a wait are still reported.
import logging

from gi.repository import GLib
from PyQt5.QtWidgets import QSystemTrayIcon

import rpc


class TrayIcon:
    def __init__(self):
        self._trayicon = QSystemTrayIcon()
        self.status = None

    def show_message(self, message, icon=QSystemTrayIcon.Information, timeout=10000):
        self._trayicon.showMessage("app", message, icon, timeout)

    def log(self, level, message):
        if level <= logging.INFO:
            timeout = 10
        else:
            timeout = 25
        self.show_message(message, QSystemTrayIcon.Information, timeout * 1000)

    def _set_status(self, message, timeout=0):
        self.status.set_text(message)
        if timeout:
            GLib.timeout_add_seconds(timeout, self._set_status, "", 0)

    def on_error(self, error):
        self._set_status(str(error), 2)


class Remote:
    def __init__(self):
        self.client = rpc.Client()

    def send_message(self, message, icon=None, timeout=10000):  # expect: no-hardcoded-timeout
        return self.client.call("show", message, icon, timeout=timeout)

    def log(self, level, message):
        if level <= logging.INFO:
            timeout = 10  # expect: no-hardcoded-timeout
        else:
            timeout = 25  # expect: no-hardcoded-timeout
        self.send_message(message, None, timeout * 1000)

    def _wait_status(self, message, timeout=0):
        if timeout:
            self.client.wait_for(message, timeout)

    def on_error(self, error):
        self._wait_status(str(error), 2)  # expect: no-hardcoded-timeout
