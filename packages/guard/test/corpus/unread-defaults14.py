import asyncio
import socket

import constants
import requests


class ARC:
    def __init__(self, message, timeout=5):  # expect: no-hardcoded-timeout
        self.timeout = timeout

    def verify(self):
        return socket.create_connection(("dns", 53), timeout=self.timeout)


# The body names `timeout` only as a keyword of its own call, with its own literal: the parameter's 5 is never read.
def arc_verify(message, timeout=5):
    a = ARC(message, timeout=5)  # expect: no-hardcoded-timeout
    return a.verify()


# The body hands its own attribute under the parameter's name: the parameter is never read.
class Machine:
    def __init__(self, connect_timeout=10):  # expect: no-hardcoded-timeout
        self.connect_timeout = connect_timeout

    def tunnel(self, lport, connect_timeout=5):
        return Session(lport, connect_timeout=self.connect_timeout)


# A fallback written in the default of a parameter the body never reads bounds nothing.
class Loop:
    def _start_serving(self, sock, ssl_handshake_timeout=getattr(constants, "SSL_HANDSHAKE_TIMEOUT", 60.0)):
        # FIXME: pass ssl_handshake_timeout on once supported.
        return self._make_ssl_transport(sock, server_side=True)

    # The same fallback where the body reads the parameter: it bounds the handshake.
    def _start_tls(self, sock, ssl_handshake_timeout=getattr(constants, "SSL_HANDSHAKE_TIMEOUT", 60.0)):  # expect: no-hardcoded-timeout
        return self._make_ssl_transport(sock, handshake_timeout=ssl_handshake_timeout)


# Read after its keyword: `timeout=timeout` reads the parameter.
def fetch(url, timeout=30):  # expect: no-hardcoded-timeout
    return requests.get(url, timeout=timeout)


# Reassigned from itself: `timeout = timeout or 5` reads it.
def fetch_or(url, timeout=20):  # expect: no-hardcoded-timeout
    timeout = timeout or 5  # expect: no-hardcoded-timeout
    return requests.get(url, timeout=timeout)


# Compared with `==`: a read.
def poll(sock, timeout=3):  # expect: no-hardcoded-timeout
    if timeout == 3:
        sock.settimeout(timeout)


# `locals()` may read every parameter.
def configured(url, timeout=15):  # expect: no-hardcoded-timeout
    settings = dict(locals(), timeout=1)  # expect: no-hardcoded-timeout
    return requests.get(url, **settings)


async def serve(timeout=7):  # expect: no-hardcoded-timeout
    await asyncio.wait_for(asyncio.sleep(1), timeout)
