# A number handed to a timer schedule whose callback gives up (issue 9, session 24 Python recall): pitivi's
# check_pipeline exits "Pipeline timed out" 10 s after asking for PAUSED, dbus' tests quit the main loop they run if the
# signal has not come. The delay bounds the wait for what the program waits for: a deadline. `expect:` marks each line
# that must be flagged.
import asyncio
import os
import sys

from gi.repository import GLib


def timeout_cb(*args, **kwargs):
    """Exits on timeout."""
    print("check_pipeline: Pipeline timed out", file=sys.stderr)
    sys.exit(1)


def check(pipeline):
    pipeline.set_state("PAUSED")
    GLib.timeout_add_seconds(10, timeout_cb)  # expect: no-hardcoded-timeout
    GLib.MainLoop.new(None, True).run()


def wait_for_signal(main_loop, state):
    def _timeout_handler():
        if state.waiting:
            main_loop.quit()

    GLib.timeout_add(1000, _timeout_handler)  # expect: no-hardcoded-timeout
    main_loop.run()


class Runner:
    def run(self, loop):
        loop.call_later(2.5 * 2, self._give_up)  # expect: no-hardcoded-timeout
        loop.run_forever()

    def _give_up(self):
        print("no reply in time")
        self.loop.stop()
        sys.exit(2)


# Not deadlines: a notification closed after its display time, a pulse that repeats (its callback returns True), a
# callback the file does not define, a named delay (judged by the schedule rule and its name), a retry's delay, a
# debounce that cancels the previous search, a scheduled kill, and a callback that exits only through another of the
# file's functions (UI setup deferred by 1 ms).
class Window:
    def notify(self):
        GLib.timeout_add(3000, self._close_notification)
        GLib.timeout_add(100, self._pulse)
        GLib.timeout_add(500, self.refresh_later)
        GLib.timeout_add(self.HIDE_DELAY, self._close_notification)
        asyncio.get_event_loop().call_later(5, self._reconnect)

    def _close_notification(self):
        self.notification.close()
        return False

    def _pulse(self):
        if self.cancelled:
            self.progress.cancel()
        return True

    def _reconnect(self):
        self.connect()

    def search_changed(self):
        GLib.timeout_add(500, self._on_search_timeout)
        GLib.timeout_add_seconds(1, self._schedule_kill, 42)
        GLib.timeout_add(1, self.go)

    def _on_search_timeout(self):
        self._cancellable.cancel()
        self.search(self.entry.get_text())

    def _schedule_kill(self, pid):
        os.kill(pid, 9)

    def go(self):
        self.start_gui()

    def start_gui(self):
        if not self.ready:
            sys.exit(1)
