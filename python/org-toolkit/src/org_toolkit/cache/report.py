"""What ``invalidate`` promises (PROTOCOL.md section 7)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class InvalidationReport:
    """The honest answer of one ``invalidate``.

    ``delivered`` + ``queued`` = every cluster of the topology, in topology order.
    """

    id: str
    """The invalidation id (a UUID), the same in every cluster's outbox and applied marker."""
    complete: bool
    """``queued`` is empty: every cluster confirmed it."""
    delivered: tuple[str, ...]
    """Clusters whose INVALIDATE returned in time: keys deleted, generations moved, entry recorded, atomically."""
    queued: tuple[str, ...]
    """Every other cluster: not confirmed (it may in fact have applied it); a relay delivers it."""
    reasons: dict[str, str] = field(default_factory=dict)
    """Why each queued cluster is queued: auth, tls, refused, timeout, unavailable, rejected or error."""
    durable: bool = False
    """The entry is in the outboxes of two clusters in two regions (one region: two clusters; one cluster:
    that one): losing any one cluster or this process loses nothing. When False this process keeps the
    entry and delivers it itself (``RegionalCache.pending``)."""

    def to_dict(self) -> dict[str, object]:
        """The report in @org/cache-client's JSON shape."""
        return {
            "id": self.id,
            "complete": self.complete,
            "delivered": list(self.delivered),
            "queued": list(self.queued),
            "reasons": dict(self.reasons),
            "durable": self.durable,
        }


def is_durable(recorded: list[str], regions: dict[str, str]) -> bool:
    """Two clusters in two regions; in a one-region topology two clusters; with one cluster, that one."""
    all_regions = set(regions.values())
    if len(regions) == 1:
        return len(recorded) == 1
    if len(all_regions) == 1:
        return len(recorded) >= 2
    return len({regions[c] for c in recorded}) >= 2
