# A None kept on the object (a class default) and written into the keyword arguments a later call splats: custodia's
# `kwargs.setdefault("timeout", self.timeout)` then `cmd(url, **kwargs)`, where the class's own calls hand `cmd` its
# requests session's methods. Every request of the object then waits without a limit.
import requests


class HandsItsMethods(object):
    timeout = None  # expect: no-unbounded-timeout

    def __init__(self, url):
        self.session = requests.Session()
        self.url = url

    def _request(self, cmd, path, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        kwargs["headers"] = self._headers(**kwargs)
        return cmd(self.url + path, **kwargs)

    def _headers(self, **kwargs):
        return dict(kwargs.get("headers") or {})

    def get(self, path, **kwargs):
        return self._request(self.session.get, path, **kwargs)

    def post(self, path, **kwargs):
        return self._request(self.session.post, path, **kwargs)


class WritesTheKey(object):
    timeout = None  # expect: no-unbounded-timeout

    def __init__(self):
        self.session = requests.Session()

    def fetch(self, url):
        options = {"allow_redirects": False}
        options["timeout"] = self.timeout
        return self.session.get(url, **options)


class SplatsIntoItsOwnHelper(object):
    # The dictionary goes only to a method that builds headers: nothing waits with the None.
    timeout = None

    def __init__(self):
        self.session = requests.Session()

    def headers(self, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        return self._build(**kwargs)

    def _build(self, **kwargs):
        return dict(kwargs)


class RemadeBeforeTheCall(object):
    # The dictionary is made again before the request: the None is not in it.
    timeout = None

    def __init__(self):
        self.session = requests.Session()

    def fetch(self, url):
        options = {}
        options["timeout"] = self.timeout
        options = {"verify": True}
        return self.session.get(url, **options)
