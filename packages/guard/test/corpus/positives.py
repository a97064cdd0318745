# Every line marked `expect:` must be flagged with exactly those rules; every other line must be clean.
import asyncio
import socket

import aiohttp
import httpx
import pytest
import requests

TIMEOUT = 5  # expect: no-hardcoded-timeout
CONNECT_TIMEOUT = 2.5  # expect: no-hardcoded-timeout

requests.get(url, timeout=5)  # expect: no-hardcoded-timeout
requests.get(url, timeout=5.0)  # expect: no-hardcoded-timeout
requests.get(url, timeout=1_000)  # expect: no-hardcoded-timeout
requests.get(url, timeout=(3.05, 27))  # expect: no-hardcoded-timeout
requests.get(url, timeout=5 * 60)  # expect: no-hardcoded-timeout
requests.get(url, timeout=(5))  # expect: no-hardcoded-timeout
requests.get(url, timeout=TIMEOUT)
requests.get(url, timeout=CONNECT_TIMEOUT)
requests.post(url, **{"timeout": 5})  # expect: no-hardcoded-timeout
client = httpx.Client(timeout=10)  # expect: no-hardcoded-timeout
options = {"timeout": 30, "read_timeout": 60}  # expect: no-hardcoded-timeout, no-hardcoded-timeout
conn = make_conn(connect_timeout=3, read_timeout=7)  # expect: no-hardcoded-timeout, no-hardcoded-timeout
value = settings.get("timeout") or 5  # no timeout name on the left: clean
requests.get(url, timeout=settings.timeout or 5)  # expect: no-hardcoded-timeout
requests.get(url, timeout=30 if slow else 5)  # expect: no-hardcoded-timeout, no-hardcoded-timeout


def fetch(url, timeout=5.0):  # expect: no-hardcoded-timeout
    return requests.get(url, timeout=timeout)


def typed(url: str, timeout: float = 10) -> None:  # expect: no-hardcoded-timeout
    requests.get(url, timeout=timeout)


class Worker:
    def __init__(self):
        self.timeout = 15  # expect: no-hardcoded-timeout


sock = socket.socket()
sock.settimeout(5)  # expect: no-hardcoded-timeout
socket.setdefaulttimeout(10)  # expect: no-hardcoded-timeout
socket.create_connection(("db", 5432), 5)  # expect: no-hardcoded-timeout
socket.create_connection(("db", 5432), timeout=5)  # expect: no-hardcoded-timeout


async def main(page):
    await asyncio.wait_for(work(), 5)  # expect: no-hardcoded-timeout
    await asyncio.wait_for(work(), timeout=5)  # expect: no-hardcoded-timeout
    async with asyncio.timeout(10):  # expect: no-hardcoded-timeout
        pass
    await page.wait_for_timeout(1000)  # expect: no-hardcoded-timeout
    page.set_default_timeout(30000)  # expect: no-hardcoded-timeout
    t = httpx.Timeout(5.0, connect=2.0)  # expect: no-hardcoded-timeout, no-hardcoded-timeout
    a = aiohttp.ClientTimeout(total=30)  # expect: no-hardcoded-timeout


@pytest.mark.timeout(5)  # expect: no-hardcoded-timeout
def test_slow():
    pass


requests.get(url, timeout=None)  # expect: no-unbounded-timeout
httpx.get(url, timeout=None)  # expect: no-unbounded-timeout
requests.get(url)  # expect: no-unbounded-timeout
requests.post(url, json={"a": 1})  # expect: no-unbounded-timeout
requests.request("GET", url)  # expect: no-unbounded-timeout
httpx.get(url)  # expect: no-hardcoded-timeout
from asyncio import wait_for as wf  # aliases resolve


async def aliased():
    await wf(work(), 3)  # expect: no-hardcoded-timeout
