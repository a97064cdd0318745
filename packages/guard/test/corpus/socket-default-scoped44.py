# Session 44: a socket default set for a while, saved first and put back after (DisplayCAL's `download`, mnemosyne's
# `is_server_running`, kitty's `socket_timeout` context manager, setuptools' decorator factory), bounds the calls made
# inside that function, `with` block or decorated function only; a call elsewhere in the module still waits with
# Python's default, no limit. `expect:` marks each line that must be flagged; every other line must come out clean.
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


def socket_timeout_for(timeout=15):  # expect: no-hardcoded-timeout
    def decorate(func):
        def call(*args, **kwargs):
            old_timeout = socket.getdefaulttimeout()
            socket.setdefaulttimeout(timeout)
            try:
                return func(*args, **kwargs)
            finally:
                socket.setdefaulttimeout(old_timeout)

        return call

    return decorate


@socket_timeout_for(settings.timeout_s)
def open_index(url):
    return urllib.request.urlopen(url)


def latest_version():
    return urllib.request.urlopen("https://example.com/version").read()  # expect: no-unbounded-timeout
