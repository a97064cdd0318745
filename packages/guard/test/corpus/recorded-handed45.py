from urllib.request import Request, urlopen


# certvalidator's crl_client: each URL's download goes through `_grab_crl`, handed the timeout inside the list's
# `append`: the default bounds every download, though the only read sits in an `append(...)`.
def fetch(sources, user_agent=None, timeout=10):  # expect: no-hardcoded-timeout
    output = []
    for url in sources:
        output.append(_grab_crl(user_agent, url, timeout))
    return output


def _grab_crl(user_agent, url, timeout):
    request = Request(url)
    request.add_header("User-Agent", user_agent)
    return urlopen(request, None, timeout).read()


# A fake reactor's call log: the timeout is only recorded in a tuple, nothing waits on it.
class FakeReactor:
    def __init__(self):
        self.calls = []

    def connectTCP(self, host, port, factory, timeout=30):
        self.calls.append((host, port, factory, timeout))
