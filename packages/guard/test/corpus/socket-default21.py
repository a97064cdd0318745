# Session 21 Python recall: the standard library's network calls without a timeout wait with the socket module's
# global default timeout, None (no limit), unless the program calls socket.setdefaulttimeout(...) (not in this file).
import socket
import urllib.request
import xmlrpc.client
from ftplib import FTP
from http.client import HTTPConnection, HTTPSConnection
from smtplib import SMTP
from unittest import mock

import urllib3

try:
    from urllib.request import urlopen, urlretrieve
except ImportError:  # Python 2's urllib2.urlopen waits the same way
    from urllib2 import urlopen

from .settings import settings


def fetch(url):
    return urlopen(url).read()  # expect: no-unbounded-timeout


def post(request, data):
    return urllib.request.urlopen(request, data)  # expect: no-unbounded-timeout


def download(url, path):
    urlretrieve(url, path)  # expect: no-unbounded-timeout


def status(host, port):
    conn = HTTPConnection(host, port)  # expect: no-unbounded-timeout
    conn.request("GET", "/status")
    return conn.getresponse().status


def secure_status(host):
    conn = HTTPSConnection(  # expect: no-unbounded-timeout
        host,
        context=None,
    )
    conn.request("GET", "/")
    return conn.getresponse()


def open_socket(host, port):
    return socket.create_connection((host, port))  # expect: no-unbounded-timeout


def mirror(host):
    return FTP(host).nlst()  # expect: no-unbounded-timeout


def send(host, message):
    with SMTP(host, 25) as smtp:  # expect: no-unbounded-timeout
        smtp.send_message(message)


def rpc(uri):
    return xmlrpc.client.ServerProxy(uri).system.listMethods()  # expect: no-unbounded-timeout


# Bounded: a timeout passed by keyword or in its place, or a transport that brings its own.
def bounded(url, host, uri, transport):
    urlopen(url, timeout=settings.timeout_s)
    urlopen(url, None, settings.timeout_s)
    HTTPConnection(host, 80, settings.timeout_s)
    socket.create_connection((host, 80), settings.timeout_s)
    SMTP(host, 25, None, settings.timeout_s)
    xmlrpc.client.ServerProxy(uri, transport=transport)


# Nothing to wait for yet, or nothing over the network: a client made without its host connects later through a
# `connect(...)` that may take a timeout, and a `file:` URL (or skyfield's empty probe) is read locally.
def local(path, host):
    ftp = FTP()
    ftp.connect(host, timeout=settings.timeout_s)
    urlopen("file:///etc/hostname")
    urlopen(path.as_uri())
    urlopen("")


# What is passed is not known.
def forwarded(url, *args, **kwargs):
    urlopen(url, *args)
    HTTPConnection(url, **kwargs)


# Other functions of the same name: urllib3's pool method, a class's own.
class Fetcher:
    def __init__(self):
        self.pool = urllib3.PoolManager()

    def urlopen(self, url):
        return self.pool.urlopen("GET", url)

    def fetch(self, url):
        return self.urlopen(url)


# A test that patches the network away.
@mock.patch("urllib.request.urlopen")
def test_fetch(urlopen_mock):
    urllib.request.urlopen("http://example.invalid/")
    urlopen_mock.assert_called_once()
