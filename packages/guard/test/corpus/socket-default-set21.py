# Session 21: a program that sets the socket module's default timeout bounds every standard-library call made
# without one (checked alone, the file; with its package, any module of the package).
import socket
import urllib.request
from http.client import HTTPConnection

from .settings import settings

socket.setdefaulttimeout(settings.timeout_s)


def fetch(url):
    return urllib.request.urlopen(url).read()


def status(host):
    conn = HTTPConnection(host)
    conn.request("GET", "/")
    return conn.getresponse().status
