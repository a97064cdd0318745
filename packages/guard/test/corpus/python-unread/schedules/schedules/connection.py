import threading

from .worker import Worker

# review16 item 6: a private field this module reads only as a reconnect delay, but a subclass in tcp.py bounds its
# connect with it: kept reported.
class Connection:
    def __init__(self, loop, timeout=30):  # expect: no-hardcoded-timeout
        self.loop = loop
        self._timeout = timeout

    def lost(self):
        self.loop.call_later(self._timeout, self.reconnect)

    def reconnect(self):
        self.loop.create_task(self.open())

    async def open(self):
        pass


# review16 item 5: a watchdog whose callback this module does not define (its base class in worker.py kills the
# process): unknown, reported.
WATCHDOG_TIMEOUT = 60  # expect: no-hardcoded-timeout


class Job(Worker):
    def run(self):
        threading.Timer(WATCHDOG_TIMEOUT, self.cleanup).start()
