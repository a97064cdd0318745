from handedon import Client
from . import http


def make_client(host, timeout=None):  # expect: no-unbounded-timeout
    # Two modules away: the client keeps it through another module's transport (re-exported by `__init__.py`).
    return Client(host, timeout=timeout)


def fetch(url, timeout=None):
    # Hands it to a function that waits with it: the caller's choice.
    return http.open_url(url, timeout=timeout)


class Service:
    # Kept, then handed to another module's function that waits with it.
    def __init__(self, url, timeout=None):  # expect: no-unbounded-timeout
        self.url = url
        self.timeout = timeout

    def get(self):
        return http.open_url(self.url, timeout=self.timeout)
