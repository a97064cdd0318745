import httpx
import requests as rq
from requests import Session, get

get(url)  # expect: no-unbounded-timeout
rq.get(url)  # expect: no-unbounded-timeout
rq.get(url, timeout=settings.TIMEOUT_S)

session = rq.Session()
session.get(url)  # expect: no-unbounded-timeout
session.get(url, timeout=settings.TIMEOUT_S)

plain = Session()
plain.put(url, data=b"")  # expect: no-unbounded-timeout

with rq.Session() as s:
    s.delete(url)  # expect: no-unbounded-timeout

with httpx.Client() as c:
    c.get(url)  # expect: no-hardcoded-timeout (httpx default 5 s)

with httpx.Client(timeout=settings.TIMEOUT_S) as bounded:
    bounded.get(url)


async def run():
    async with httpx.AsyncClient() as ac:
        await ac.get(url)  # expect: no-hardcoded-timeout (httpx default 5 s)


class Api:
    def __init__(self):
        self.session = rq.Session()

    def call(self):
        return self.session.get(url)  # expect: no-unbounded-timeout


def forwarded(**kwargs):
    return rq.get(url, **kwargs)


rq.Session().get(url)  # expect: no-unbounded-timeout
httpx.Client(timeout=settings.TIMEOUT_S).get(url)
