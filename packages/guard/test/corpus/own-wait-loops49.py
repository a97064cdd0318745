# Python `no-unbounded-timeout`, session 49 (issue 9): a function that is itself the wait keeps its infinite default to
# itself when its own loop is left once the parameter's time is up, tested inside the loop rather than in its head
# (cloud-init's `wait_for_url(urls, max_wait=float("inf"))`: `while True: ... if timeup(max_wait, start_time): break`).
# A loop that never leaves on the parameter, and a client that keeps the default for later waits, are still reported.
import time

import requests


def wait_for_url(urls, *, max_wait=float("inf"), timeout=None):
    def timeup(limit, start_time):
        if limit == float("inf"):
            return False
        return time.monotonic() - start_time > limit

    start_time = time.monotonic()
    while True:
        for url in urls:
            try:
                return requests.get(url, timeout=timeout or 10)  # expect: no-hardcoded-timeout
            except requests.RequestException:
                pass
        if timeup(max_wait, start_time):
            break
        time.sleep(1)
    return None


def retry_forever(call, max_wait=float("inf")):  # expect: no-unbounded-timeout
    while True:
        try:
            return call(max_wait)
        except OSError:
            time.sleep(1)


class Poller:
    def __init__(self, max_wait=float("inf")):  # expect: no-unbounded-timeout
        self.max_wait = max_wait

    def poll(self, url):
        return requests.get(url, timeout=self.max_wait)
