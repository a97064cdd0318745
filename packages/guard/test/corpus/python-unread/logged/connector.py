import logging

from gi.repository import GLib

log = logging.getLogger(__name__)


class Connector:
    def __init__(self):
        # timekpr: only shown in "will retry in %i seconds" (the retry is scheduled with its own literal); no other
        # module names it: nothing waits on the 3.
        self._retryTimeoutSecs = 3
        self._retryCountLeft = 5
        # Logged and also handed to a wait: a timeout.
        self._connectTimeoutSecs = 10  # expect: no-hardcoded-timeout
        # Logged here, read by another module of the package (`client.py`): unknown, stays reported.
        self.read_timeout = 20  # expect: no-hardcoded-timeout

    def connect(self, bus):
        log.info("connecting, giving up after %i seconds" % self._connectTimeoutSecs)
        log.info("reading for up to %i seconds" % self.read_timeout)
        if not bus.wait_for_name("org.example", self._connectTimeoutSecs):
            log.warning("connection failed, will retry in %i seconds" % self._retryTimeoutSecs)
            self._retryCountLeft -= 1
            GLib.timeout_add_seconds(3, self.connect, bus)
