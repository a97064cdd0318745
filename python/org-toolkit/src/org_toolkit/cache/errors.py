"""Cache errors with a stable ``code``."""

from __future__ import annotations

from ..errors import OrgError


class CacheError(OrgError, ValueError):
    """Bad input to the cache (``ORG_CACHE_KEY``, ``ORG_CACHE_VALUE``, ``ORG_CACHE_TOPOLOGY``, ...)."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)
