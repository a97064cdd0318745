"""Broadcast invalidation that speaks @org/cache-client's wire protocol (packages/cache-client/PROTOCOL.md)."""

from .errors import CacheError
from .keys import KeyLayout, validate_key

__all__ = ["CacheError", "KeyLayout", "validate_key"]
