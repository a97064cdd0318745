# Python `no-hardcoded-timeout`, session 54 (issue 9): a literal delay of at most 50 ms on a GUI main loop
# (`GLib.timeout_add`, Qt's `singleShot`, wx's `CallLater`, all in milliseconds) is the loop's next turn or an
# animation frame, not a deadline, whatever its callback does: solfege's `GObject.timeout_add(1, start_gui, datadir)`
# (start_gui may exit), mozo's `GLib.timeout_add(10, self.quit)`. A longer delay to a callback that quits the loop
# stays a deadline, and so does a second-based one.
import sys

from gi.repository import GLib, GObject, Gtk


def start_gui(datadir):
    if not datadir:
        sys.exit(1)
    Gtk.main()


class Window:
    def quit(self):
        Gtk.main_quit()

    def close_soon(self):
        GLib.timeout_add(10, self.quit)

    def close_later(self):
        GLib.timeout_add(500, self.quit)  # expect: no-hardcoded-timeout

    def close_in_a_second(self):
        GLib.timeout_add_seconds(1, self.quit)  # expect: no-hardcoded-timeout


GObject.timeout_add(1, start_gui, "/usr/share")
