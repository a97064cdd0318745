import time


class Base:
    def wait_for_status(self, name, status, timeout=60, poll_interval=5):  # expect: no-hardcoded-timeout
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.status(name) == status:
                return
            time.sleep(poll_interval)
        raise TimeoutError(name)

    def status(self, name):
        return name


class LockingQueue:
    def get(self, timeout=None):
        return None


class Queue:
    def get(self, key):
        return key


def wait_until(predicate, timeout=10):  # expect: no-hardcoded-timeout
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError()
        time.sleep(0.1)


class Bus:
    def recv(self, timeout=None):
        return self.read(timeout)
