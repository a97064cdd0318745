# Published subclasses of requests' session (session 28, guard-py28b). `expect:` marks each line that must be flagged;
# every other line must not be. requests-oauthlib's `OAuth2Session`/`OAuth1Session` and requests-toolbelt's
# `BaseUrlSession` add authentication or a base URL to `requests.Session` but no timeout: a request they make without
# `timeout=` waits as long as requests does (duplicity's Amazon Drive backend).
import requests
from requests_oauthlib import OAuth1Session, OAuth2Session
from requests_toolbelt.sessions import BaseUrlSession


class DriveBackend:
    def __init__(self, client_id, token):
        self.http_client = OAuth2Session(client_id, token=token)

    def quota(self, url):
        return self.http_client.get(url + "account/quota")  # expect: no-unbounded-timeout

    def upload(self, url, data):
        return self.http_client.post(url, data=data, timeout=60)  # expect: no-hardcoded-timeout

    def refresh(self, url):
        # Not an HTTP method of requests' own: requests-oauthlib's token calls are not judged here.
        return self.http_client.refresh_token(url)


def tweets(key, secret):
    session = OAuth1Session(key, client_secret=secret)
    return session.get("https://api.example.com/tweets")  # expect: no-unbounded-timeout


def bounded(key, secret):
    session = OAuth1Session(key, client_secret=secret)
    return session.get("https://api.example.com/tweets", timeout=10)  # expect: no-hardcoded-timeout


def based():
    session = BaseUrlSession(base_url="https://api.example.com/")
    return session.get("items")  # expect: no-unbounded-timeout


def plain():
    return requests.Session().get("https://api.example.com/")  # expect: no-unbounded-timeout
