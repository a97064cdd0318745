"""Broadcast invalidation that speaks @org/cache-client's wire protocol (packages/cache-client/PROTOCOL.md, v2).

>>> from org_toolkit.cache import RegionalCache
>>> with RegionalCache(local_region="us-east-1") as cache:
...     report = cache.invalidate(f"api_key:{key_id}:status")   # every cluster of every region
...     status = cache.get(f"api_key:{key_id}:status", fail_closed=True)  # None unless provably current
"""

from .errors import CacheError
from .keys import KeyLayout, validate_key
from .reads import Lease
from .regional import RegionalCache
from .relay import Relay
from .report import InvalidationReport
from .scripts import PROTOCOL_VERSION

__all__ = [
    "PROTOCOL_VERSION",
    "CacheError",
    "InvalidationReport",
    "KeyLayout",
    "Lease",
    "RegionalCache",
    "Relay",
    "validate_key",
]
