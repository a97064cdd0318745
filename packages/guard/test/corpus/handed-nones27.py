import subprocess
import sys
import time

import nbconvert
import redis as redislib
from keystoneauth1 import session as k_session


def get_redis_backend(params):
    # The function's own None when the URI gives no socket_timeout, handed to redis-py: every command waits forever.
    try:
        socket_timeout = float(params.pop("socket_timeout"))
    except KeyError:
        socket_timeout = None  # expect: no-unbounded-timeout
    return redislib.Redis(host="localhost", socket_timeout=socket_timeout)


def get_cache(params):
    # A None handed to a keyword that is no wait's timeout (the key prefix): nothing waits.
    key_prefix = None
    return redislib.Redis(host="localhost", client_name=key_prefix)


def caller_choice(timeout=None):
    # The caller's None handed on: the caller's choice, not this function's.
    return redislib.Redis(host="localhost", socket_timeout=timeout)


def make_session(auth, kwargs):
    # The session's own None when the caller gives no timeout: every request it makes waits without limit.
    return k_session.Session(auth=auth, timeout=kwargs.get("timeout", None))  # expect: no-unbounded-timeout


def cert_lookup(auth, kwargs):
    # A None fallback under another key (the certificate): nothing waits on it.
    return k_session.Session(auth=auth, cert=kwargs.get("cert", None))


class Exporter:
    # Kept on the object, then the per-cell timeout of every notebook it executes: None disables it.
    def __init__(self, kernel_name="", timeout=None):  # expect: no-unbounded-timeout
        self._kernel_name = kernel_name
        self._timeout = timeout

    def execute(self, metadata, nb):
        timeout = metadata.get("timeout", self._timeout)
        pp = nbconvert.preprocessors.ExecutePreprocessor(kernel_name=self._kernel_name, timeout=timeout)
        return pp.preprocess(nb, {})


def memory_base():
    # Each name of the written tuple takes its literal: timeout bounds the wait for the child, sleep is its work.
    if sys.platform in ("win32", "darwin"):
        sleep, timeout = (1, 2)  # expect: no-hardcoded-timeout
    else:
        (sleep, timeout) = (0.5, 1)  # expect: no-hardcoded-timeout
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(%s)" % sleep])
    proc.communicate(timeout=timeout)


def pacing():
    # No timeout's name among the targets: a pause and a count.
    sleep, rounds = (1, 2)
    return sleep * rounds


class ProxyReader:
    def read(self, fd, size):
        # The None stands for the configured None (`self.timeout`), set otherwise under its test: the caller's choice.
        start = time.time()
        while size:
            select_timeout = None
            if self.timeout is not None:
                select_timeout = self.timeout - (time.time() - start)
            redislib.Redis(host="localhost", socket_timeout=select_timeout).get(fd)

    def connect(self, timeout):
        # A use under a test of the local: the None never reaches the client.
        socket_timeout = None
        if socket_timeout is not None:
            return redislib.Redis(host="localhost", socket_timeout=socket_timeout)
        return None

    def probe(self):
        # A local None handed by position, not under a timeout's keyword: not read as the function's own no-limit.
        event = None
        return self.hub.wait(event)
