"""Credentials never leave through a printed URL (the same rules as @org/config's redactUrl)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

REDACTED = "***"
_SECRET_QUERY_PARAMS = re.compile(
    r"^(password|pass|pwd|auth|token|secret|key|api[_-]?key|access[_-]?token|signature|sig|code)$", re.I
)


def redact_url(url: str) -> str:
    """The URL with user info and secret query values replaced by ``***``.

    >>> redact_url("rediss://svc:hunter2@redis.internal:6380")
    'rediss://***@redis.internal:6380'
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return re.sub(r"//[^/@\s]*@", f"//{REDACTED}@", url)
    if not parts.scheme or not parts.netloc:
        return re.sub(r"//[^/@\s]*@", f"//{REDACTED}@", url)
    netloc = parts.netloc
    changed = False
    if "@" in netloc:
        netloc = f"{REDACTED}@{netloc.rsplit('@', 1)[1]}"
        changed = True
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(_SECRET_QUERY_PARAMS.match(name) for name, _ in pairs):
            query = urlencode(
                [(name, REDACTED if _SECRET_QUERY_PARAMS.match(name) else value) for name, value in pairs], safe="*"
            )
            changed = True
    if not changed:
        return url
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
