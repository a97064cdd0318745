# Python `no-hardcoded-timeout`, session 50 (issue 9), from blind set fresh185 (pooch's `download_action`): a
# timeout-like name read only as the cap of a sleep between attempts (`time.sleep(min(i + 1, max_wait))`) is a pause,
# like the sleep's own duration. A name that also bounds the whole wait stays a timeout.
import time

import requests


def download(url, attempts=3):
    max_wait = 10
    for i in range(attempts):
        try:
            return requests.get(url, timeout=config_timeout())
        except requests.RequestException:
            time.sleep(min(i + 1, max_wait))
    return None


def wait_for(ready):
    limit = 30  # expect: no-hardcoded-timeout
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if ready():
            return True
        time.sleep(min(limit, 1))
    return False


def config_timeout():
    return float(open("timeout.txt").read())
