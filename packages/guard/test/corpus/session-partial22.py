import functools

import requests


class Client:
    # requests has no session-wide timeout: the partial binds the client's None onto every request it sends.
    def __init__(self, base_url, http_client=None, timeout=None):  # expect: no-unbounded-timeout
        self.base_url = base_url
        if http_client:
            self._http_client = http_client
        else:
            self._http_client = requests.Session()
            self._http_client.request = functools.partial(self._http_client.request, timeout=timeout)


class Wrapped:
    # A session handed in by the caller: whatever it does with the partial's None is the caller's session's business.
    def __init__(self, session, timeout=None):
        self.session = session
        self.session.request = functools.partial(self.session.request, timeout=timeout)


class Formatter:
    # A partial over a function that does not wait: the None is a parameter of a formatter, no request.
    def __init__(self, render, timeout=None):
        self.render = functools.partial(render, timeout=timeout)
