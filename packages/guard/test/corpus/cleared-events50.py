# Python `no-hardcoded-timeout`, session 50 (issue 9), from blind set fresh184 (ceph's manager modules): a loop that
# clears an event each round and waits on it between rounds only lets the event wake it early. The wait is the pause
# between rounds (`self.event.wait(1800)` then `continue`, or the round's last statement), not a deadline, when the code
# sets the event to stop (`shutdown()`). A wait whose outcome is tested, a wait in a loop that never clears the event, a
# Condition under its lock, an event set when work arrives (persist-queue's `put_event`: the loop polls for an item, a
# poll tick) and a loop its body leaves (stem's event loop breaks once the controller is closed) stay bounded.
import threading


class Telemetry:
    def __init__(self):
        self.event = threading.Event()
        self.run = True

    def serve(self):
        while self.run:
            self.event.clear()
            if not self.opted_in():
                self.event.wait(1800)
                continue
            self.send(self.compile_report())
            sleep = 3600
            self.event.wait(sleep)

    def alerts(self):
        while self.run:
            self.check_health()
            self.event.wait(self.interval or 60)
            self.event.clear()

    def shutdown(self):
        self.run = False
        self.event.set()


class Waiter:
    def __init__(self):
        self.ready = threading.Event()
        self.cond = threading.Condition()

    def fetch(self):
        while True:
            self.ready.clear()
            self.request()
            self.ready.wait(30)  # expect: no-hardcoded-timeout
            if not self.ready.is_set():
                raise TimeoutError("no answer")
            return self.answer

    def pump(self):
        while True:
            self.request()
            self.ready.wait(5)  # expect: no-hardcoded-timeout
            self.consume(self.answer)

    def under_lock(self):
        while self.busy:
            with self.cond:
                self.cond.clear()
                self.cond.wait(5)  # expect: no-hardcoded-timeout


class Queue:
    def __init__(self):
        self.put_event = threading.Event()

    def put(self, item):
        self.items.append(item)
        self.put_event.set()

    def get(self):
        while True:
            self.put_event.clear()
            if self.items:
                return self.items.pop()
            self.put_event.wait(10)  # expect: no-hardcoded-timeout


class EventLoop:
    def __init__(self):
        self._event_notice = threading.Event()

    def _close(self):
        self._event_notice.set()

    def _event_loop(self):
        while True:
            if self.queue:
                self.handle(self.queue.pop())
                continue
            if not self.alive:
                break
            self._event_notice.wait(0.05)  # expect: no-hardcoded-timeout
            self._event_notice.clear()
