"""Nothing in this file may be flagged: timeout=5 in a module docstring."""
import os
import time

import requests

TIMEOUT_S = int(os.environ["ORG_TIMEOUT_MS"]) / 1000  # from `org-config env`
RETRIES = 3


def fetch(url, timeout=None, max_timeouts=3, timeout_count=0):
    """timeout=5 in a docstring."""
    # requests.get(url, timeout=5) in a comment
    message = "timeout=5"
    f_string = f"timeout={5}"
    return requests.get(url, timeout=timeout or TIMEOUT_S)


def passthrough(url, timeout):
    return requests.get(url, timeout=timeout)


requests.get("https://x", timeout=TIMEOUT_S)
requests.get("https://x", timeout=TIMEOUT_S * 2)
requests.get("https://x", timeout=(TIMEOUT_S, TIMEOUT_S))
time.sleep(5)
retries = {"max_timeouts": 3, "timeout_count": 1}
cache.get("key")
os.environ.get("ORG_TIMEOUT_MS")
RULES = {"no-hardcoded-timeout": {"severity": 2}}
POLICY = {"timeout": {"retries": 2}}
