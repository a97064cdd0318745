# Session 44: a socket default set for a while, saved first and put back after (DisplayCAL's `download`, mnemosyne's
# `is_server_running`, kitty's `socket_timeout` context manager), bounds the calls made inside that function or `with`
# block only; a call elsewhere in the module still waits with Python's default, no limit. `expect:` marks each line
# that must be flagged; every other line must come out clean.
import contextlib
import http.client
import socket
import urllib.request

from .settings import settings


@contextlib.contextmanager
def socket_timeout(seconds):
    old = socket.getdefaulttimeout()
    socket.setdefaulttimeout(seconds)
    try:
        yield
    finally:
        socket.setdefaulttimeout(old)


def fetch_icon(url):
    with socket_timeout(settings.timeout_s):
        return urllib.request.urlopen(url).read()


def is_server_running(port):
    timeout = socket.getdefaulttimeout()
    try:
        socket.setdefaulttimeout(settings.timeout_s)
        con = http.client.HTTPConnection("127.0.0.1", port)
        con.request("GET", "/status")
        return con.getresponse().status == 200
    finally:
        socket.setdefaulttimeout(timeout)


def latest_version():
    return urllib.request.urlopen("https://example.com/version").read()  # expect: no-unbounded-timeout
