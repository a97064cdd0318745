# Python `no-hardcoded-timeout`, session 20 (issue 9): a literal pad is a hardcoded part of the wait (the pad rule)
# also where the padded value's own name does not say timeout but the keyword it is handed to does
# (`timeout=self.CM["DeadTime"] + 10`, heartbeat's cluster tests; `join(timeout=self.heartbeat_interval + 1.0)`), and
# where it pads a deadline of the caller's timeout, `time.time() + timeout + 1`, that a loop polls (heartbeat's look()).
# A computed value (inline or held in a local) and a clock reading are no setting: their sums are judged as before. A constant pad is reported
# where it is written.
import time

PAD = 5  # expect: no-hardcoded-timeout


class ClusterTest:
    def __init__(self, cm, log, watcher, thread, heartbeat_interval):
        self.CM = cm
        self.log = log
        self.watcher = watcher
        self.thread = thread
        self.heartbeat_interval = heartbeat_interval
        self.expires = None

    def stop_node(self, patterns):
        watch = self.watcher(self.log, patterns, timeout=self.CM["DeadTime"] + 10)  # expect: no-hardcoded-timeout
        return watch.look()

    def leave(self, dead_time):
        self.thread.join(timeout=self.heartbeat_interval + 1.0)  # expect: no-hardcoded-timeout
        self.watcher(self.log, [], timeout=dead_time + 60)  # expect: no-hardcoded-timeout

    def look(self, read, timeout=None):
        if timeout is None:
            timeout = self.CM["Timeout"]
        done = time.time() + timeout + 1  # expect: no-hardcoded-timeout
        while time.time() < done:
            line = read()
            if line:
                return line
        return None

    def computed(self, items, started):
        self.thread.join(timeout=len(items) + 5)
        self.thread.join(timeout=started)
        now = time.time()
        self.watcher(self.log, [], timeout=now + 5)
        self.watcher(self.log, [], timeout=items.count + PAD)

    def computed_local(self, items):
        # A count computed into a local is no setting, as `len(items) + 5` written inline (review20 item 3).
        n = len(items)
        self.thread.join(timeout=n + 5)
        total = n * 2
        self.watcher(self.log, [], timeout=total + 5)

    def remember(self, timeout):
        # Kept to date the entry, never polled: an expiry, not a wait.
        self.expires = time.time() + timeout + 1
