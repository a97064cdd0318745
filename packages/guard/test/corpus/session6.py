# Families found on the fresh6 sample and the scout7py set (issue 9). `expect:` marks each line that must be
# flagged; every other line must not be.
import abc
import os
import typing
from abc import ABC, abstractmethod
from typing import Protocol, overload

import httpx
import httpx2
from google.api_core import retry


# A default bounds a wait only through code that reads its parameter. Python does not inherit defaults: a
# call through the base class runs the override with the override's own default, so the signatures of
# abstract, Protocol, overload and no-op methods bound nothing; the implementation's default is reported.
class MetricExporter(ABC):
    @abstractmethod
    def export(self, metrics, timeout_millis: float = 10_000, **kwargs):
        """Exports a batch of telemetry data."""

    @abc.abstractmethod
    def force_flush(self, timeout_millis: float = 10_000) -> bool:
        pass

    def shutdown(self, timeout_millis: float = 30_000, **kwargs) -> None:
        pass

    def collect(self, timeout_millis: float = 10_000) -> None:
        raise NotImplementedError("subclasses collect")


class SupportsWait(Protocol):
    def wait(self, timeout: float = 5.0) -> bool: ...


class Queue:
    @overload
    def get(self, block: bool, timeout: float = 5.0) -> bytes: ...
    @overload
    def get(self, *, timeout: float = 5.0) -> bytes: ...
    def get(self, block=True, timeout=5.0):  # expect: no-hardcoded-timeout
        return self._queue.get(block, timeout)


class PeriodicExporter(MetricExporter):
    def export(self, metrics, timeout_millis: float = 10_000, **kwargs):  # expect: no-hardcoded-timeout
        return self._session.post(self._url, data=metrics, timeout=timeout_millis / 1e3)

    def force_flush(self, timeout_millis: float = 10_000) -> bool:  # expect: no-hardcoded-timeout
        """Flush, waiting at most timeout_millis."""
        return self._done.wait(timeout_millis / 1e3)

    @abstractmethod
    def drain(self, timeout: float = 3.0):  # expect: no-hardcoded-timeout
        """An abstract method with a body that waits is not a stub."""
        return self._queue.join(timeout)


# A default restated only to compare a client's timeout with it (`!=`/`==`/`is`): it bounds nothing.
try:
    from httpx._config import DEFAULT_TIMEOUT_CONFIG as HTTPX_DEFAULT_TIMEOUT
except ImportError:
    HTTPX_DEFAULT_TIMEOUT = httpx.Timeout(5.0)

DEFAULT_TIMEOUT = 600.0  # expect: no-hardcoded-timeout


def client_timeout(http_client):
    if http_client and http_client.timeout != HTTPX_DEFAULT_TIMEOUT:
        return http_client.timeout
    return DEFAULT_TIMEOUT


# A call's result only compared says nothing of the timeout it was given.
def test_proxy_request():
    status = staging_get("https://staging.example/request", timeout=5)  # expect: no-hardcoded-timeout
    assert status == 200


# Compared with the clock, a constant is the bound of a polling loop: still a timeout.
POLL_TIMEOUT = 30  # expect: no-hardcoded-timeout


def wait_until(ready, clock):
    start = clock()
    while not ready():
        if clock() - start > POLL_TIMEOUT:
            raise TimeoutError


# A retry's deadline bounds the total wait of every attempt.
operations = retry.Retry(initial=1.0, maximum=10.0, multiplier=1.3, deadline=10.0)  # expect: no-hardcoded-timeout
retry_async = retry.AsyncRetry(predicate=None, timeout=120.0)  # expect: no-hardcoded-timeout


# A default handed to a lookup under a timeout key is the default timeout of whatever reads it.
def request(**kwargs):
    timeout = kwargs.pop("timeout", httpx2.Timeout(70.0, connect=10.0))  # expect: no-hardcoded-timeout
    read_timeout = kwargs.get("read_timeout", 30)  # expect: no-hardcoded-timeout
    kwargs.setdefault("timeout", 60)  # expect: no-hardcoded-timeout
    return httpx.get("https://example.org", timeout=timeout, **kwargs)


def connect(settings, params):
    timeout = getattr(settings, "CONNECT_TIMEOUT", 10)  # expect: no-hardcoded-timeout
    db_timeout = params.get("DATABASE_TIMEOUT", 0.010)  # expect: no-hardcoded-timeout
    user_timeout_ms = _int_env("ORG_TCP_USER_TIMEOUT_MS", 120_000)  # expect: no-hardcoded-timeout
    read_timeout_s = float(os.getenv("ORG_READ_TIMEOUT_S", "30"))  # expect: no-hardcoded-timeout
    port = int(os.getenv("ORG_PORT", "8080"))
    bits = "".join("1" if flag else "0" for flag in params)
    retries = params.get("retries", 3)
    token_lifetime = params.get("sts_token_timeout", 900)
    poll = params.get("timeout", 0)
    unset = params.get("timeout", None)
    label = params.get("timeout_label", "slow")
    return timeout, db_timeout, user_timeout_ms, read_timeout_s, port, bits, retries, token_lifetime, poll, unset, label


def _int_env(name, default):
    return int(os.environ.get(name, default))


# An env or settings helper's fallback assigned to a timeout is its default.
WS_OPEN_TIMEOUT = _env_timeout("SANDBOX_WS_TIMEOUT_OPEN", 30)  # expect: no-hardcoded-timeout
WS_PING_INTERVAL = _env_timeout("SANDBOX_WS_PING_INTERVAL", 30)
# A timer that only warns bounds no wait; one that unblocks a hung evaluation does.
PYDEVD_WARN_EVALUATION_TIMEOUT = as_float_in_env("PYDEVD_WARN_EVALUATION_TIMEOUT", 3.0)
PYDEVD_UNBLOCK_THREADS_TIMEOUT = as_float_in_env("PYDEVD_UNBLOCK_THREADS_TIMEOUT", 3.0)  # expect: no-hardcoded-timeout


# `is not None` of an optional import says which library is installed, not that the caller's timeout is None.
try:
    import httpx_legacy
except ImportError:
    httpx_legacy = None


def mcp_client(headers, timeout=None):
    if httpx_legacy is not None:
        client = httpx_legacy.AsyncClient(headers=headers)
    else:
        client = httpx.AsyncClient(headers=headers, timeout=None)  # expect: no-unbounded-timeout
    if timeout is not None:
        return client.with_timeout(timeout)
    else:
        return httpx.AsyncClient(headers=headers, timeout=None)


# Options a test builds only to check them (the literal is asserted afterwards): nothing waits.
def test_constructor_with_http_options(mock_genai):
    options = {"api_version": "v1", "timeout": 10000}
    client = Client(api_key="key", http_options=options)
    assert client.http_options()["timeout"] == 10000
    client = Client(api_key="key", http_options={"timeout": 5000})
    mock_genai.assert_called_once_with(timeout_ms=5000)


def test_request_with_timeout():
    client = Client(api_key="key", http_options={"timeout": 30})  # expect: no-hardcoded-timeout
    assert client.models.generate("prompt").text
