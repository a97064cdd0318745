# Python `no-hardcoded-timeout`, session 14 (issue 9): a literal pad on a timeout is a hardcoded part of the wait
# (the pad rule) also where the timeout is the larger of two settings, `max(ping_interval, ping_timeout) + 5`
# (engineio's long-poll), and where a retry lengthens the wait it keeps, `self.timeout += 1` (pyghmi, pyvisa-py).
# A count of timeouts (`self.timeouts += 1`) is not a duration; a pad on a pacing interval bounds no wait.
import random


class Client:
    def __init__(self, http, ping_interval, ping_timeout, initialtimeout):
        self.http = http
        self.ping_interval = ping_interval
        self.ping_timeout = ping_timeout
        self.timeout = initialtimeout
        self.timeouts = 0
        self.retries = 0

    def poll(self, url):
        return self.http.get(url, timeout=max(self.ping_interval, self.ping_timeout) + 5)  # expect: no-hardcoded-timeout

    def receive(self, queue):
        timeout = max(self.ping_interval, self.ping_timeout) + 5  # expect: no-hardcoded-timeout
        return queue.get(timeout=timeout)

    def retry(self, send):
        self.timeout += 1  # expect: no-hardcoded-timeout
        self.timeouts += 1
        self.retries += 1
        return send(self.timeout)

    def pace(self, sleep):
        interval = max(self.ping_interval, 1) + 5
        sleep(interval)
