# A constant compared with the time a wait loop has run ends that wait, whatever it is named; an interval compared
# with a field's age and a loop that only sleeps bound no wait.
import socket
import time

CONNECT_LIMIT = 30  # expect: no-hardcoded-timeout
SETTLE_PERIOD = 2
REFRESH_EVERY = 5


class Producer:
    MAX_TIMEOUT_TIME = 20000  # expect: no-hardcoded-timeout

    def is_server_alive(self):
        connected = False
        initial_time = time.time()
        while not connected:
            try:
                self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                self.socket.connect((self.host, int(self.port)))
                connected = True
            except OSError:
                pass
            if time.time() - initial_time > self.MAX_TIMEOUT_TIME:
                break
        return connected


def wait_for_process(proc):
    start = time.monotonic()
    while time.monotonic() - start < CONNECT_LIMIT:
        if proc.poll() is not None:
            return proc.returncode
        time.sleep(0.1)
    return None


def settle():
    start = time.time()
    while time.time() - start < SETTLE_PERIOD:
        time.sleep(0.1)


class Status:
    def tick(self, redraw):
        while self.running:
            if time.time() - self.last_refresh > REFRESH_EVERY:
                self.last_refresh = time.time()
                redraw()
