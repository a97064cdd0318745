# A timeout-named value counted up from zero in literal steps (session 20, guard-pyprec20): the step bounds nothing,
# the limit the counter is compared with does.
import time


class Monitor:
    def wait_for_change(self):
        # DisplayCAL: elapsed time counted in sleeps; the 0.1 is a step of the count.
        timeout = 0
        while self.monitoring and timeout < 3:
            time.sleep(0.1)
            timeout += 0.1

    def connect(self):
        self.connect_timeout = 0

    def do_connect(self):
        # gajim: failed attempts counted on the object, from zero.
        try:
            self._sock.connect(self._server)
        except OSError:
            self.connect_timeout += 1
            if self.connect_timeout > 1000:
                self.close()


class Retrying:
    def __init__(self, initial_timeout):
        self.timeout = initial_timeout

    def retry(self):
        # pyghmi: each retry waits a second longer than the configured value: a pad on a wait.
        self.timeout += 1  # expect: no-hardcoded-timeout
        self._sock.settimeout(self.timeout)


def grow(timeout):
    # A parameter is the caller's value: the step pads it.
    timeout += 5  # expect: no-hardcoded-timeout
    return wait_for(timeout)


def restart():
    # Started at a literal other than zero: the step lengthens a wait that already has a bound.
    timeout = 10  # expect: no-hardcoded-timeout
    while not ready():
        timeout += 5  # expect: no-hardcoded-timeout
        wait_for(timeout)
