"""``StagingSession``: the seed's ``StagingClient`` done properly, on requests and urllib3's Retry.

>>> from org_toolkit.http import StagingSession
>>> with StagingSession(base_url=os.environ["STAGING_URL"]) as http:
...     assert http.get("health").status_code == 200

- Every request gets ``timeout=(connect, read)`` from the config unless it passes its own:
  ``ORG_ENV``, or staging when unset (30 s; never dev's 5 s for a test against a shared environment).
- Idempotent methods are retried 3 times on connection errors, timeouts, 408, 429 and 5xx, with
  exponential backoff and full jitter, honouring ``Retry-After`` (capped at the backoff bound).
- A request that fails for good raises :class:`HttpError` (also a ``requests.RequestException``) whose
  message gives the method, the URL without secrets, the attempts, the per-attempt timeout and ORG_ENV.
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Any, Self

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NewConnectionError,
    ReadTimeoutError,
    ResponseError,
)
from urllib3.connectionpool import ConnectionPool
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

from ._secrets import redact_url
from .config import OrgConfig, load_config
from .errors import OrgError

__all__ = ["DEFAULT_BACKOFF_BASE_MS", "DEFAULT_RETRIES", "IDEMPOTENT_METHODS", "HttpError", "StagingSession"]

DEFAULT_RETRIES = 3
"""Retries after the first attempt (as @org/http)."""
DEFAULT_BACKOFF_BASE_MS = 300
"""Backoff before retry n is random in [0, min(backoff_max_ms, base * 2^(n-1))]."""
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
RETRY_STATUSES = frozenset({408, 429, *range(500, 600)})


class HttpError(OrgError, requests.RequestException):
    """A request that failed for good, after its retries; ``code`` says how.

    ``ORG_HTTP_TIMEOUT``, ``ORG_HTTP_STATUS`` or ``ORG_HTTP_NETWORK``. ``__cause__`` is the last
    underlying error (its URL redacted in this message).
    """

    def __init__(
        self,
        code: str,
        *,
        method: str,
        url: str,
        attempts: int,
        timeout_ms: int,
        env: str,
        status: int | None = None,
        reason: str | None = None,
    ) -> None:
        self.code = code
        self.method = method
        self.url = url
        self.attempts = attempts
        self.timeout_ms = timeout_ms
        self.env = env
        self.status = status
        tries = "1 attempt" if attempts == 1 else f"{attempts} attempts"
        numbers = f"{tries}, {timeout_ms} ms per attempt, ORG_ENV={env}"
        request = f"{method} {url}"
        if code == "ORG_HTTP_TIMEOUT":
            message = (
                f"{request} timed out ({numbers}). If the service is this slow under normal load, "
                "raise ORG_TIMEOUT_MS; otherwise look at the service."
            )
        elif code == "ORG_HTTP_STATUS":
            message = f"{request} answered {status} ({numbers})."
        else:
            detail = f" ({reason})" if reason else ""
            message = (
                f"{request} failed before a response{detail} ({numbers}). "
                "Check that the service is up and reachable from here."
            )
        super().__init__(message)


class _OrgRetry(Retry):
    """urllib3's Retry with full jitter, a capped Retry-After, and the attempt count on failure."""

    def __init__(self, *args: Any, backoff_base_s: float = 0.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.backoff_base_s = backoff_base_s

    def new(self, **kw: Any) -> _OrgRetry:
        retry = super().new(**kw)
        retry.backoff_base_s = self.backoff_base_s
        return retry

    def get_backoff_time(self) -> float:
        failures = len([h for h in self.history])
        if failures == 0:
            return 0.0
        bound = min(self.backoff_max, self.backoff_base_s * 2 ** (failures - 1))
        return random.uniform(0, bound)

    def get_retry_after(self, response: Any) -> float | None:
        after = super().get_retry_after(response)
        return None if after is None else min(after, self.backoff_max)

    def increment(
        self,
        method: str | None = None,
        url: str | None = None,
        response: BaseHTTPResponse | None = None,
        error: Exception | None = None,
        _pool: ConnectionPool | None = None,
        _stacktrace: TracebackType | None = None,
    ) -> Self:
        try:
            return super().increment(method, url, response, error, _pool, _stacktrace)
        except MaxRetryError as error:
            error.org_attempts = len(self.history) + 1  # type: ignore[attr-defined]
            raise


def _staging_config() -> OrgConfig:
    env = dict(os.environ)
    env.setdefault("ORG_ENV", "staging")
    return load_config(env=env)


_CREDENTIALS_IN_URL = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]*@", re.I)


class StagingSession(requests.Session):
    """A ``requests.Session`` with the config's timeouts and retries (see the module docs).

    :param base_url: prefix for relative URLs (``http.get("health")``).
    :param config: the configuration to take timeouts from; ORG_ENV's, or staging's when unset.
    :param retries: retries after the first attempt, for ``retry_methods`` (default 3).
    :param backoff_base_ms: first backoff bound; doubles per retry (default 300).
    :param backoff_max_ms: bound of one backoff and of a ``Retry-After`` (default the read timeout).
    :param retry_methods: methods retried on read errors and statuses (default the idempotent ones).
    """

    def __init__(
        self,
        *,
        base_url: str | None = None,
        config: OrgConfig | None = None,
        retries: int = DEFAULT_RETRIES,
        backoff_base_ms: int = DEFAULT_BACKOFF_BASE_MS,
        backoff_max_ms: int | None = None,
        retry_methods: Iterable[str] = IDEMPOTENT_METHODS,
    ) -> None:
        super().__init__()
        self.config = config if config is not None else _staging_config()
        self.base_url = base_url
        self.timeout: tuple[float, float] = self.config.requests_timeout
        backoff_max = self.config.TIMEOUT if backoff_max_ms is None else backoff_max_ms
        for name, value, low in (
            ("retries", retries, 0),
            ("backoff_base_ms", backoff_base_ms, 0),
            ("backoff_max_ms", backoff_max, 0),
        ):
            if not isinstance(value, int) or isinstance(value, bool) or value < low:
                raise ValueError(f"StagingSession: {name} must be a whole number >= {low} (got {value!r})")
        self.retry = _OrgRetry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            other=0,
            allowed_methods=frozenset(m.upper() for m in retry_methods),
            status_forcelist=RETRY_STATUSES,
            backoff_factor=0,
            backoff_max=backoff_max / 1000,
            backoff_base_s=backoff_base_ms / 1000,
            respect_retry_after_header=True,
            raise_on_status=False,
            raise_on_redirect=False,
        )
        adapter = HTTPAdapter(max_retries=self.retry)
        self.mount("http://", adapter)
        self.mount("https://", adapter)

    def _resolve(self, url: str | bytes) -> str:
        text = url.decode() if isinstance(url, bytes) else str(url)
        if self.base_url is None or re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I):
            return text
        return f"{self.base_url.rstrip('/')}/{text.lstrip('/')}"

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:
        verb = (method.decode() if isinstance(method, bytes) else method).upper()
        target = self._resolve(url)
        if _CREDENTIALS_IN_URL.match(target):
            raise ValueError(
                f"{verb} {redact_url(target)}: credentials in a URL are refused (logs would keep them); "
                "send them in a header such as Authorization"
            )
        if "timeout" not in kwargs or kwargs["timeout"] is None:
            kwargs["timeout"] = self.timeout
        timeout_ms = _read_timeout_ms(kwargs["timeout"], self.config.TIMEOUT)
        failure: dict[str, Any] = {
            "method": verb,
            "url": redact_url(target),
            "timeout_ms": timeout_ms,
            "env": self.config.ENV,
        }
        try:
            response = super().request(verb, target, *args, **kwargs)
        except requests.RequestException as error:
            raise _wrap(error, failure) from error
        if response.status_code in RETRY_STATUSES:
            history = getattr(getattr(response.raw, "retries", None), "history", ()) or ()
            raise HttpError("ORG_HTTP_STATUS", attempts=len(history) + 1, status=response.status_code, **failure)
        return response


def _read_timeout_ms(timeout: Any, fallback: int) -> int:
    if isinstance(timeout, tuple):
        timeout = timeout[1]
    if isinstance(timeout, (int, float)) and not isinstance(timeout, bool):
        return round(timeout * 1000)
    return fallback


def _wrap(error: requests.RequestException, failure: Mapping[str, Any]) -> HttpError:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and len(chain) < 8:
        chain.append(current)
        current = current.args[0] if current.args and isinstance(current.args[0], BaseException) else None
    max_retry = next((e for e in chain if isinstance(e, MaxRetryError)), None)
    attempts = getattr(max_retry, "org_attempts", 1)
    reason: BaseException | None = max_retry.reason if max_retry is not None else error
    # urllib3 makes NewConnectionError (refused, unreachable) a ConnectTimeoutError: it is not a timeout.
    if isinstance(reason, NewConnectionError):
        return HttpError("ORG_HTTP_NETWORK", attempts=attempts, reason=_reason(reason), **failure)
    if isinstance(error, requests.Timeout) or isinstance(reason, (ReadTimeoutError, ConnectTimeoutError)):
        return HttpError("ORG_HTTP_TIMEOUT", attempts=attempts, **failure)
    if isinstance(reason, ResponseError):
        return HttpError("ORG_HTTP_STATUS", attempts=attempts, **failure)
    return HttpError("ORG_HTTP_NETWORK", attempts=attempts, reason=_reason(reason), **failure)


def _reason(error: BaseException | None) -> str | None:
    if error is None:
        return None
    # The underlying text may quote the URL; keep only a redacted form of any URL in it.
    text = re.sub(r"[a-z][a-z0-9+.-]*://\S+", lambda m: redact_url(m.group(0)), str(error), flags=re.I)
    errno_text = re.search(r"\[Errno -?\d+\] ([^'\")]+)", text)
    if errno_text:
        return errno_text.group(1).strip()
    named = re.search(r"([A-Z][A-Za-z]+(?:Disconnected|Error))\(", text)
    return named.group(1) if named else type(error).__name__
