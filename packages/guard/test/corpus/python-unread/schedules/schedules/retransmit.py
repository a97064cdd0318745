# A private field read only by the schedule of the next try (its callback sends again, re-arming the timer), and no
# other module of the package names it.
class Retransmitter:
    def __init__(self, loop, retry_timeout=0.5):
        self.loop = loop
        self._retry_timeout = retry_timeout

    def send(self, request):
        self.transport.write(request)
        self._handle = self.loop.call_later(self._retry_timeout, self._retry, request)

    def _retry(self, request):
        self.send(request)
