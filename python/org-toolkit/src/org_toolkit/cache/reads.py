"""Reads and fills of PROTOCOL.md (version 2), sections 4 (LEASE, FILL) and 7 (reads), as @org/cache-client does them.

A plain read answers from the first local cluster that is up. A cluster that failed and answers
again is *recovering*: it is read with its sweep stamps and served only once every outbox this
process can reach has been swept for it since it came back. A *fail-closed* read returns a value
from cluster L only if every other cluster's outbox was swept for L within ``freshness_ms`` of L's
own clock, and this process has no invalidation of the key queued for L from the last
2 x ``freshness_ms``. Otherwise the answer is a miss (``None``): the caller reads the source of truth.
"""

from __future__ import annotations

import json
import math
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Literal

from .clusters import ClusterClient, Clusters, decode, is_connection_failure
from .errors import CacheError
from .keys import KeyLayout

MAX_VALUE_BYTES = 512 * 1024
"""The largest value written, as JSON text (the protocol's default)."""

_QUEUED_HERE_LIMIT = 10_000

State = Literal["up", "down", "recovering"]


@dataclass
class Health:
    """One cluster as this process sees it (PROTOCOL.md section 7's up / down / recovering)."""

    state: State = "up"
    recovered_at: int | None = None
    """With state ``recovering``: the cluster's own clock (ms) when this process saw it answer again."""


@dataclass(frozen=True)
class Lease:
    """Generation tokens taken on the local clusters before the source of truth is read (LEASE)."""

    key: str
    generations: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _FencedRead:
    value: str | None
    now: int
    swept: dict[str, int]


def encode_value(key: str, value: Any, max_bytes: int = MAX_VALUE_BYTES) -> str:
    """JSON that round-trips exactly in both languages, or CacheError ``ORG_CACHE_VALUE``."""
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as error:
        raise CacheError(
            "ORG_CACHE_VALUE",
            f'the value for "{key[:80]}" is not plain JSON ({error}); store dicts, lists, strings, finite numbers, '
            "booleans or None",
        ) from None
    if json.loads(text) != value or _has_negative_zero(value):
        raise CacheError(
            "ORG_CACHE_VALUE",
            f'the value for "{key[:80]}" does not round-trip through JSON (tuples, non-string keys or -0.0); '
            "store dicts with string keys, lists and plain scalars",
        )
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise CacheError("ORG_CACHE_VALUE", f'the value for "{key[:80]}" is {size} bytes of JSON; the limit is {max_bytes}')
    return text


def _has_negative_zero(value: Any) -> bool:
    if isinstance(value, float):
        return value == 0 and math.copysign(1, value) < 0
    if isinstance(value, dict):
        return any(_has_negative_zero(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_negative_zero(v) for v in value)
    return False


class Reads:
    """The read side of a RegionalCache: health of each cluster, keys queued here, LEASE/FILL."""

    def __init__(
        self,
        clusters: Clusters,
        layout: KeyLayout,
        local: list[str],
        local_region: str,
        op_timeout_ms: int,
        freshness_ms: int,
        retention_ms: int,
    ) -> None:
        self.clusters = clusters
        self.layout = layout
        self.local = local
        self.local_region = local_region
        self.op_timeout_ms = op_timeout_ms
        self.freshness_ms = freshness_ms
        self.retention_ms = retention_ms
        self.health: dict[str, Health] = {cid: Health() for cid in clusters.ids}
        self._queued_here: OrderedDict[str, tuple[frozenset[str], float]] = OrderedDict()
        self._lock = threading.Lock()

    # -- what the rest of the cache tells us ------------------------------------------------------
    def failed(self, cluster_id: str) -> None:
        with self._lock:
            self.health[cluster_id] = Health("down")

    def answered(self, cluster_id: str, now: int | None) -> None:
        with self._lock:
            health = self.health[cluster_id]
            if health.state == "down":
                self.health[cluster_id] = Health("recovering", now)

    def note_queued(self, keys: list[str], queued: list[str]) -> None:
        """Keys this process invalidated with clusters queued: not served fail-closed from those clusters."""
        if not queued:
            return
        with self._lock:
            for key in keys:
                self._queued_here.pop(key, None)
                self._queued_here[key] = (frozenset(queued), time.monotonic())
            while len(self._queued_here) > _QUEUED_HERE_LIMIT:
                self._queued_here.popitem(last=False)

    def queued_here(self, key: str, cluster_id: str) -> bool:
        with self._lock:
            noted = self._queued_here.get(key)
            if noted is None:
                return False
            clusters, at = noted
            if (time.monotonic() - at) * 1000 > 2 * self.freshness_ms:
                del self._queued_here[key]
                return False
            return cluster_id in clusters

    # -- reads --------------------------------------------------------------------------------------
    def _read(self, client: ClusterClient, key: str) -> _FencedRead:
        pipe = client.redis.pipeline(transaction=False)
        pipe.get(self.layout.value(key))
        pipe.time()
        pipe.hgetall(self.layout.swept)
        value, (seconds, micros), swept = pipe.execute()
        return _FencedRead(
            None if value is None else decode(value),
            int(seconds) * 1000 + int(micros) // 1000,
            {decode(k): int(decode(v)) for k, v in swept.items()},
        )

    def read(self, key: str, fail_closed: bool) -> str | None:
        """The JSON text of ``key`` from the local region, ``None`` for a miss (or not provably current).

        Every local cluster is asked at once, bounded by ``op_timeout_ms``; the answer comes from the
        first that is up, else the first recovering one that is provably current.
        """
        states = {cid: self.health[cid].state for cid in self.local}
        order = sorted(self.local, key=lambda cid: ("up", "recovering", "down").index(states[cid]))
        answers = self.clusters.each(order, lambda client: self._read(client, key))
        failures: list[tuple[str, BaseException]] = []
        answered = False
        for cid in order:
            answer = answers[cid]
            if isinstance(answer, BaseException):
                failures.append((cid, answer))
                if is_connection_failure(answer):
                    self.failed(cid)
                continue
            answered = True
            self.answered(cid, answer.now)
            if states[cid] == "up" and not fail_closed:
                return answer.value
            value = self._judge(cid, key, answer, fail_closed)
            if value is not _UNPROVEN:
                return value if isinstance(value, str) else None
        if answered:
            return None
        shown = "; ".join(f"{cid}: {type(error).__name__}: {error}" for cid, error in failures)
        raise CacheError(
            "ORG_CACHE_UNAVAILABLE",
            f"no cluster of {self.local_region} answered within {self.op_timeout_ms} ms: {shown or ', '.join(self.local)}; "
            "the caller should read from the source of truth",
        )

    def _judge(self, cid: str, key: str, read: _FencedRead, fail_closed: bool) -> object:
        others = [s for s in self.clusters.ids if s != cid]
        with self._lock:
            health = self.health[cid]
            if health.state == "recovering":
                sources = [s for s in others if self.health[s].state != "down"]
                since = health.recovered_at
                if since is None or not all(_swept_at(read, s) >= since for s in sources):
                    return _UNPROVEN
                self.health[cid] = Health("up")
        if fail_closed:
            stale = any(not (read.now - _swept_at(read, s) <= self.freshness_ms) for s in others)
            if stale or self.queued_here(key, cid):
                return _UNPROVEN
        return read.value

    # -- leases and fills ---------------------------------------------------------------------------
    def lease(self, key: str) -> Lease:
        """LEASE on every local cluster; a cluster that did not answer is left out and gets no fill."""
        fresh = secrets.token_hex(16)
        answers = self.clusters.each(
            self.local, lambda c: decode(c.lease(keys=[self.layout.generation(key)], args=[fresh, self.retention_ms]))
        )
        generations: dict[str, str] = {}
        for cid, answer in answers.items():
            if isinstance(answer, BaseException):
                if is_connection_failure(answer):
                    self.failed(cid)
            else:
                generations[cid] = answer
        return Lease(key, generations)

    def fill(self, key: str, payload: str, ttl_ms: int, lease: Lease | None) -> list[str]:
        """FILL on the local clusters (with a lease: only where its token is still the generation)."""
        targets = [cid for cid in self.local if lease is None or cid in lease.generations]

        def run(client: ClusterClient) -> int:
            expected = lease.generations[client.id] if lease is not None else ""
            return int(
                client.fill(
                    keys=[self.layout.value(key), self.layout.generation(key)],
                    args=[payload, ttl_ms, "1" if lease is not None else "0", expected],
                )
            )

        answers = self.clusters.each(targets, run)
        stored = [cid for cid in targets if answers[cid] == 1]
        for cid, answer in answers.items():
            if isinstance(answer, BaseException) and is_connection_failure(answer):
                self.failed(cid)
        return stored


_UNPROVEN = object()


def _swept_at(read: _FencedRead, source: str) -> float:
    """The sweep stamp of ``source`` on the cluster read, in that cluster's clock; ``-inf`` when it has
    none, or when the stamp is later than the cluster's own clock: its clock stepped back since the
    stamp was written (Redis TIME is wall-clock time), and such a stamp proves nothing about the time
    since (PROTOCOL.md section 1, "Clocks"). The relay's next pass writes one in the new clock."""
    at = read.swept.get(source)
    return -math.inf if at is None or at > read.now else at
