# Python `no-hardcoded-timeout`, session 48 (issue 9): libadwaita's toast shows for `timeout` seconds; nothing waits
# on it (cozy's `Adw.Toast(title=message, timeout=2)`, wike's `toast = Adw.Toast.new(message)` then
# `toast.set_timeout(3)`). Another object's `set_timeout` may bound a wait.
from gi.repository import Adw

import serial_link


class ToastNotifier:
    def show(self, overlay, message):
        overlay.add_toast(Adw.Toast(title=message, timeout=2))

    def send_notification(self, overlay, message):
        toast = Adw.Toast.new(message)
        toast.set_timeout(3)
        overlay.add_toast(toast)

    def open_link(self, port):
        link = serial_link.Link(port)
        link.set_timeout(3)  # expect: no-hardcoded-timeout
        return link.read()
