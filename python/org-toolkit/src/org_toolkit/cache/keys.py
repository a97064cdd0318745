"""Cache keys and where they live in Redis (PROTOCOL.md sections 2 and 3)."""

from __future__ import annotations

import re

from .errors import CacheError

MAX_KEY_BYTES = 1024
_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f]")


def validate_key(key: object) -> str:
    """The key, or CacheError ``ORG_CACHE_KEY`` saying what is wrong with it; nothing is sent first."""
    if not isinstance(key, str) or key == "":
        shown = '""' if isinstance(key, str) else type(key).__name__
        raise CacheError("ORG_CACHE_KEY", f"cache keys are non-empty strings (got {shown})")
    size = len(key.encode("utf-8"))
    if size > MAX_KEY_BYTES:
        raise CacheError("ORG_CACHE_KEY", f"cache key is {size} bytes; the limit is {MAX_KEY_BYTES}")
    if _FORBIDDEN.search(key):
        raise CacheError("ORG_CACHE_KEY", f"cache key {key[:80]!r} holds whitespace or control characters")
    if key.startswith("}"):
        raise CacheError(
            "ORG_CACHE_KEY",
            f"cache key {key[:80]!r} starts with '}}': its value and generation would hash to different "
            "Redis Cluster slots",
        )
    return key


class KeyLayout:
    """The value and its generation share a hash tag: one slot of a Redis Cluster, one script."""

    def __init__(self, namespace: str = "org:cache") -> None:
        if not namespace or re.search(r"[\s{}]", namespace):
            raise CacheError("ORG_CACHE_NAMESPACE", f"namespace {namespace!r} must be non-empty, without whitespace or braces")
        self.namespace = namespace

    def value(self, key: str) -> str:
        return f"{self.namespace}:{{{key}}}"

    def generation(self, key: str) -> str:
        return f"{self.namespace}:{{{key}}}:gen"

    def applied(self, invalidation_id: str) -> str:
        return f"{self.namespace}:applied:{invalidation_id}"

    @property
    def outbox(self) -> str:
        return f"{self.namespace}:outbox"

    @property
    def dead(self) -> str:
        return f"{self.namespace}:dead"

    @property
    def attempts(self) -> str:
        return f"{self.namespace}:attempts"

    @property
    def swept(self) -> str:
        return f"{self.namespace}:swept"

    def relay_lease(self, fingerprint: str) -> str:
        return f"{self.namespace}:relay:{fingerprint}"
