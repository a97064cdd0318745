# Python `no-hardcoded-timeout`, session 20 (review20 item 1): a timeout built up from zero in literal steps and then
# handed to a wait is a hardcoded timeout; each step is reported. (A rule that judged such names by their writes only,
# as counters of elapsed time or attempts, dropped these and was reverted.)
import socket


class Conn:
    def __init__(self):
        self.connect_timeout = 0

    def slow_link(self):
        self.connect_timeout += 30  # expect: no-hardcoded-timeout

    def open(self, host):
        return socket.create_connection((host, 80), timeout=self.connect_timeout)


def fetch(host):
    timeout = 0
    timeout += 15  # expect: no-hardcoded-timeout
    s = socket.socket()
    s.settimeout(timeout)
    s.connect((host, 80))
