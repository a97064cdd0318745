import requests

from cannedapi.fixtures.live import REQUEST_TIMEOUT, STAGING_URL


def test_health():
    assert requests.get(STAGING_URL + "/health", timeout=REQUEST_TIMEOUT).ok
