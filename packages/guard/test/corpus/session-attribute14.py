import httpx
import requests
from requests import Session


# requests never reads a session's `timeout` attribute: the 10 bounds no request (the request itself, written without
# a timeout, waits forever).
class OMDBClient:
    def __init__(self, session=None, timeout=10):
        self.session = session or requests.Session()
        self.session.timeout = timeout

    def search(self, title):
        return self.session.get("https://omdb.example/", params={"t": title})  # expect: no-unbounded-timeout


class CouchDBCache:
    def __init__(self, url):
        self.req_session = Session()
        self.req_session.timeout = 5
        self.url = url

    def load(self, key):
        return self.req_session.get(self.url + key)  # expect: no-unbounded-timeout


# The file reads the attribute back into its requests: it bounds them. (A read of `x.timeout` anywhere in the file
# counts for every `x` of the same spelling.)
class ReadBack:
    def __init__(self, timeout=20):  # expect: no-hardcoded-timeout
        self.http = requests.Session()
        self.http.timeout = timeout

    def fetch(self, url):
        return self.http.get(url, timeout=self.http.timeout)


# The parameter also reaches something else: it may bound a wait there.
class AlsoKept:
    def __init__(self, timeout=30):  # expect: no-hardcoded-timeout
        self.session = requests.Session()
        self.session.timeout = timeout
        self.timeout = timeout


# An httpx client reads its own `timeout` attribute.
class HttpxClient:
    def __init__(self):
        self.client = httpx.Client()
        self.client.timeout = 7  # expect: no-hardcoded-timeout
