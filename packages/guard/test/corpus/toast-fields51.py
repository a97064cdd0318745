# Python `no-hardcoded-timeout`, session 51 (issue 9), from blind set fresh203 (apostrophe): a libadwaita toast kept
# in a `self` field its class only ever assigns from `Adw.Toast`: its `set_timeout(3)` is how many seconds the toast
# shows, as a local toast's is. A field the class also assigns from anything else may be another object whose
# `set_timeout` bounds a wait.
from gi.repository import Adw


class Window(Adw.ApplicationWindow):
    def __init__(self):
        super().__init__()
        self.hemingway_toast = Adw.Toast.new("Text can't be deleted while on Hemingway mode")
        self.hemingway_toast.set_timeout(3)
        self.toast = Adw.Toast()
        self.link = Adw.Toast()

    def notify(self, message, timeout=5):
        self.toast.set_title(message)
        self.toast.set_timeout(timeout)

    def reconnect(self, transport):
        self.link = transport.open()
        self.link.set_timeout(30)  # expect: no-hardcoded-timeout
