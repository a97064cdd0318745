import requests


def open_url(url, timeout=None):
    # The wait itself: its own None is the caller's choice.
    return requests.get(url, timeout=timeout)
