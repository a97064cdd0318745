# A name spelled like an HTTP library that the function binds to data: `requests.get("params")` on the dict of
# `parse_qs` is a lookup, not an HTTP call. The library's own calls, its sessions, and a name loaded as the module
# (`__import__`, `importorskip`) or handed in as a parameter stay HTTP calls.
import json
import urllib.parse

import pytest
import requests


def handle(environ, body):
    if environ.get("QUERY_STRING"):
        requests = urllib.parse.parse_qs(environ["QUERY_STRING"])
        params = requests.get("params")
    else:
        requests = json.loads(body)
        params = None
    return requests, params


def batch(items):
    requests = {item["id"]: item for item in items}
    return requests.get("first")


def fetch(url):
    return requests.get(url)  # expect: no-unbounded-timeout


def fetch_with_session(url):
    session = requests.Session()
    return session.get(url)  # expect: no-unbounded-timeout


def fetch_loaded(url):
    requests = __import__("requests")
    return requests.get(url)  # expect: no-unbounded-timeout


def test_fetch_skipped(url):
    requests = pytest.importorskip("requests")
    return requests.post(url)  # expect: no-unbounded-timeout


def fetch_with(requests, url):
    return requests.get(url)  # expect: no-unbounded-timeout
