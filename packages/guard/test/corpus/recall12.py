# Session 12 Python recall: a requests session kept under another name is still a session without a timeout.
import httpx
import requests


# influxdb's client: the session it makes (or the caller's) is kept on the object under another name, and every
# request's timeout is the constructor's, None unless the caller gives one.
class MetricsClient:
    def __init__(self, host, timeout=None, session=None):  # expect: no-unbounded-timeout
        self._timeout = timeout
        if not session:
            session = requests.Session()
        self._session = session

    def query(self, q):
        return self._session.request("GET", self._url(q), timeout=self._timeout)

    def ping(self):
        return self._session.get(self._url("ping"))  # expect: no-unbounded-timeout

    def _url(self, q):
        return q


# The same shape with a name that held something else in another function: only the same function's session counts.
def make_session():
    session = requests.Session()
    return session


class Store:
    def __init__(self, session):
        self._backend = session

    def fetch(self, key):
        return self._backend.get(key)


# An httpx client kept under another name may be the caller's, with the caller's timeout: not followed.
class ApiClient:
    def __init__(self, client=None, timeout=None):
        self._timeout = timeout
        if client is None:
            client = httpx.Client()
        self._client = client

    def get(self, path):
        return self._client.get(path, timeout=self._timeout)


# The caller's requests session or a new one: a requests session either way, with no timeout of its own.
class Uploader:
    def __init__(self, session=None):
        self.session = session or requests.Session()

    def upload(self, url, body):
        return self.session.post(url, data=body)  # expect: no-unbounded-timeout


class Tracer:
    def __init__(self, session=None):
        session_ = session if session else requests.Session()
        self.session = session_

    def send(self, url):
        return self.session.post(url)  # expect: no-unbounded-timeout


# `session and requests.Session()` is no fallback: not followed.
class Odd:
    def __init__(self, session=None):
        self.conn = session and requests.Session()

    def send(self, url):
        return self.conn.post(url)
