import requests

from jenkins.config import READ_TIMEOUT


def job(url):
    return requests.get(url, timeout=READ_TIMEOUT).json()
