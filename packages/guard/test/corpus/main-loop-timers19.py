# Delays handed to a GUI main loop's timer (session 19, guard-pyprec19): a debounce, a refresh period, how long
# something stays shown. The callback's name may say `timeout` (GLib's `<what>_timeout_cb`); its body decides.
import logging
import signal

from gi.repository import GLib
from PyQt5 import QtCore

# Sugar's control panel: the settings are applied once the user stopped typing for half a second.
_APPLY_TIMEOUT = 500


class KeyboardView:
    def __kmodel_changed_cb(self, combobox):
        if self.__kmodel_sid is not None:
            GLib.source_remove(self.__kmodel_sid)
        self.__kmodel_sid = GLib.timeout_add(_APPLY_TIMEOUT, self.__kmodel_timeout_cb, combobox)

    def __kmodel_timeout_cb(self, combobox):
        self.__kmodel_sid = None
        try:
            self._keyboard_manager.set_model(combobox.get_active_id())
        except Exception:
            logging.exception("Could not set new keyboard model")
        return False


class IdleQueue:
    # A period: the callback processes the queue and renews itself; a bare `raise` passes on its work's error.
    PROCESS_TIMEOUT = 200

    def start(self):
        GLib.timeout_add(self.PROCESS_TIMEOUT, self.process_connections)

    def process_connections(self):
        try:
            self.idlequeue.process()
        except Exception:
            GLib.timeout_add(self.PROCESS_TIMEOUT, self.process_connections)
            raise
        return True


class Search:
    # Qt: the search runs once typing paused for the delay.
    SEARCH_TIMEOUT = 300

    def text_changed(self):
        QtCore.QTimer.singleShot(self.SEARCH_TIMEOUT, self._run_search)

    def _run_search(self):
        self.results.populate(self.entry.text())


class Ping:
    # A watchdog named like a GLib callback: its body disconnects, so the delay is a deadline.
    PING_TIMEOUT = 10  # expect: no-hardcoded-timeout

    def send_ping(self):
        self._ping_sid = GLib.timeout_add_seconds(self.PING_TIMEOUT, self._ping_timeout_cb)

    def _ping_timeout_cb(self):
        self._ping_sid = None
        self._client.disconnect()
        return False


class Dialog:
    # A helper of the file that the callback calls gives up: a deadline.
    ANSWER_TIMEOUT = 30  # expect: no-hardcoded-timeout

    def ask(self):
        GLib.timeout_add_seconds(self.ANSWER_TIMEOUT, self._answer_timeout_cb)

    def _answer_timeout_cb(self):
        self._no_answer()
        return False

    def _no_answer(self):
        self.dialog.response(Gtk.ResponseType.CANCEL)


class Waiter:
    # The callback marks the wait as timed out: a deadline.
    WAIT_TIMEOUT = 5  # expect: no-hardcoded-timeout

    def wait(self):
        GLib.timeout_add_seconds(self.WAIT_TIMEOUT, self._on_wait_expiry)
        self.loop.run()

    def _on_wait_expiry(self):
        self.timed_out = True
        self.loop.quit()


class Protocol:
    # asyncio's timers keep the stricter test: a callback whose name says nothing bounds a protocol step.
    HANDSHAKE_TIMEOUT = 10  # expect: no-hardcoded-timeout

    def connection_made(self, loop):
        loop.call_later(self.HANDSHAKE_TIMEOUT, self._check_handshake)

    def _check_handshake(self):
        self.state.check()


# review19 item 2: deadlines the first version of the exemption dropped.
class Request:
    # The callback ends the request through another module, saying so with a value: `Status.TIMEOUT`.
    REPLY_TIMEOUT = 30  # expect: no-hardcoded-timeout

    def send(self):
        GLib.timeout_add_seconds(self.REPLY_TIMEOUT, self._reply_timeout_cb)

    def _reply_timeout_cb(self):
        self._session.finish_request(self._req, Status.TIMEOUT)
        return False


class Runner:
    # A grace period after which the child gets SIGTERM.
    GRACE_TIMEOUT = 10  # expect: no-hardcoded-timeout

    def start(self):
        GLib.timeout_add_seconds(self.GRACE_TIMEOUT, self._grace_timeout_cb)

    def _grace_timeout_cb(self):
        self.proc.send_signal(signal.SIGTERM)
        return False


class Ask:
    # Qt: a dialog rejected when nobody answered in time.
    DIALOG_TIMEOUT = 15000  # expect: no-hardcoded-timeout

    def ask(self):
        QtCore.QTimer.singleShot(self.DIALOG_TIMEOUT, self.reject)
        return self.exec_()

    def reject(self):
        self.done(0)


class Login:
    # A state value and a hyphenated GLib signal name say the login timed out.
    LOGIN_TIMEOUT = 20  # expect: no-hardcoded-timeout

    def login(self):
        GLib.timeout_add_seconds(self.LOGIN_TIMEOUT, self._login_timeout_cb)

    def _login_timeout_cb(self):
        self._set_state(State.TIMEOUT)
        self.emit("timed-out")
        return False


class DeepDialog:
    # The file's helpers are read at any depth: the give-up is two helpers down.
    ANSWER_TIMEOUT = 30  # expect: no-hardcoded-timeout

    def ask(self):
        GLib.timeout_add_seconds(self.ANSWER_TIMEOUT, self._answer_timeout_cb)

    def _answer_timeout_cb(self):
        self._no_answer()
        return False

    def _no_answer(self):
        self._finish()

    def _finish(self):
        self.dialog.response(Gtk.ResponseType.CANCEL)


class Poller:
    # A debounce whose helpers call each other (a cycle) and end nothing: no deadline.
    POLL_TIMEOUT = 250

    def changed(self):
        GLib.timeout_add(self.POLL_TIMEOUT, self._poll_timeout_cb)

    def _poll_timeout_cb(self):
        self._step(3)
        return False

    def _step(self, n):
        if n:
            self._step(n - 1)
        self.view.queue_draw()
