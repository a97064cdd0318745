"""``RegionalCache``: the only way to invalidate is a broadcast to every cluster of every region."""

from __future__ import annotations

import json
import logging
import math
import secrets
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from ..config import OrgConfig, current
from .errors import CacheError
from .clusters import ClusterClient, Clusters, decode, is_connection_failure, reason_of
from .keys import KeyLayout, validate_key
from .report import InvalidationReport, is_durable

__all__ = ["RegionalCache"]

log = logging.getLogger("org_toolkit.cache")

KEYS_PER_BLOCK = 10_000


@dataclass
class _Pending:
    id: str
    keys: list[str]
    waiting: set[str]


class RegionalCache:
    """Broadcast invalidation over @org/cache-client's wire protocol (version 2), on redis-py.

    >>> cache = RegionalCache()                      # topology and opTimeoutMs from org_toolkit.config
    >>> report = cache.invalidate(f"api_key:{key_id}:status")
    >>> report.complete, report.queued, report.durable

    :param config: topology and bounds; the process's config when omitted.
    :param namespace: key prefix shared with the TypeScript clients (default ``org:cache``).
    :param op_timeout_ms: bound on each cluster's answer (default ``config.cache.op_timeout_ms``).
    :param relay_interval_ms: how often undurable invalidations are retried (default op_timeout_ms).
    :param max_local_queue: undurable invalidations kept in memory at most; older ones are dropped (logged).
    """

    def __init__(
        self,
        config: OrgConfig | None = None,
        *,
        namespace: str = "org:cache",
        op_timeout_ms: int | None = None,
        relay_interval_ms: int | None = None,
        max_local_queue: int = 10_000,
    ) -> None:
        self.config = config if config is not None else current()
        self.layout = KeyLayout(namespace)
        self.op_timeout_ms = op_timeout_ms if op_timeout_ms is not None else self.config.cache.op_timeout_ms
        self.retention_ms = 2 * self.config.cache.max_ttl_ms
        self.relay_interval_ms = max(10, relay_interval_ms if relay_interval_ms is not None else self.op_timeout_ms)
        self.max_local_queue = max_local_queue
        self.clusters = Clusters(self.config, self.op_timeout_ms)
        self._pending: dict[str, _Pending] = {}
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._retrier: threading.Thread | None = None
        self.dropped: list[str] = []
        """Ids of undurable invalidations given up (queue overflow or close) before every cluster had them."""

    # -- invalidate ---------------------------------------------------------------------------
    def invalidate(self, keys: str | Iterable[str]) -> InvalidationReport:
        """Deletes ``keys`` in every cluster of every region at once, each bounded by ``op_timeout_ms``.

        Every cluster that answers applies it atomically with a new generation, an applied marker and
        an outbox entry; the rest are ``queued`` and delivered by any relay (TypeScript or Python).
        """
        if self._closed.is_set():
            raise CacheError("ORG_CACHE_CLOSED", "this cache was closed; create a new RegionalCache")
        wanted = list(keys) if isinstance(keys, Iterable) and not isinstance(keys, str | bytes) else [keys]
        if not wanted:
            raise CacheError("ORG_CACHE_KEY", "invalidate needs at least one key")
        unique = list(dict.fromkeys(validate_key(k) for k in wanted))
        invalidation_id = str(uuid.uuid4())
        token = secrets.token_hex(16)
        redis_keys = [self.layout.applied(invalidation_id), self.layout.outbox]
        for key in unique:
            redis_keys += [self.layout.value(key), self.layout.generation(key)]
        args = [
            self.retention_ms,
            token,
            invalidation_id,
            json.dumps(unique, ensure_ascii=False, separators=(",", ":")),
            str(int(time.time() * 1000)),
            json.dumps(self.clusters.ids, separators=(",", ":")),
        ]
        blocks = max(1, math.ceil(len(unique) / KEYS_PER_BLOCK))
        bound_ms = self.op_timeout_ms * blocks

        def run(client: ClusterClient) -> str:
            if blocks == 1:
                return decode(client.invalidate(keys=redis_keys, args=args))
            big = ClusterClient(self._cluster(client.id), bound_ms / 1000)
            try:
                return decode(big.invalidate(keys=redis_keys, args=args))
            finally:
                big.close()

        answers = self.clusters.each(self.clusters.ids, run, bound_ms)
        delivered = [cid for cid in self.clusters.ids if not isinstance(answers[cid], BaseException)]
        queued = [cid for cid in self.clusters.ids if isinstance(answers[cid], BaseException)]
        reasons = {cid: reason_of(answers[cid]) for cid in queued}  # type: ignore[arg-type]
        durable = is_durable(delivered, self.clusters.regions)
        report = InvalidationReport(
            id=invalidation_id,
            complete=not queued,
            delivered=tuple(delivered),
            queued=tuple(queued),
            reasons=reasons,
            durable=durable,
        )
        if report.complete:
            # Issuer cleanup: nothing is left to relay, so the entry leaves every outbox (best effort).
            streams = {cid: answers[cid] for cid in delivered}
            self.clusters.each(delivered, lambda c: c.redis.xdel(self.layout.outbox, streams[c.id]))
        elif not durable:
            self._keep(_Pending(invalidation_id, unique, set(queued)))
        for cid in queued:
            log.warning("invalidation %s queued for %s (%s)", invalidation_id, cid, reasons[cid])
        return report

    def _cluster(self, cluster_id: str):  # type: ignore[no-untyped-def]
        for region in self.config.regions:
            for cluster in region.clusters:
                if cluster.id == cluster_id:
                    return cluster
        raise KeyError(cluster_id)

    # -- what this process delivers itself ------------------------------------------------------
    def pending(self) -> dict[str, tuple[str, ...]]:
        """Undurable invalidations this process still has to deliver: id -> clusters waiting."""
        with self._lock:
            return {pid: tuple(sorted(p.waiting)) for pid, p in self._pending.items()}

    def _keep(self, entry: _Pending) -> None:
        with self._lock:
            self._pending[entry.id] = entry
            while len(self._pending) > self.max_local_queue:
                oldest = next(iter(self._pending))
                del self._pending[oldest]
                self.dropped.append(oldest)
                log.error("invalidation %s dropped: the local queue is full (max_local_queue)", oldest)
            if self._retrier is None:
                self._retrier = threading.Thread(target=self._retry_loop, name="org-cache-retry", daemon=True)
                self._retrier.start()

    def deliver_pending(self) -> int:
        """One delivery round for undurable invalidations (DELIVER); returns how many cluster deliveries landed."""
        with self._lock:
            work = [(p.id, list(p.keys), set(p.waiting)) for p in self._pending.values()]
        landed = 0
        for invalidation_id, keys, waiting in work:
            redis_keys = [self.layout.applied(invalidation_id), self.layout.outbox]
            for key in keys:
                redis_keys += [self.layout.value(key), self.layout.generation(key)]
            answers = self.clusters.each(
                sorted(waiting),
                lambda c: c.deliver(keys=redis_keys, args=[self.retention_ms, secrets.token_hex(16)]),
            )
            done = {cid for cid, answer in answers.items() if not isinstance(answer, BaseException)}
            landed += len(done)
            with self._lock:
                entry = self._pending.get(invalidation_id)
                if entry is not None:
                    entry.waiting -= done
                    if not entry.waiting:
                        del self._pending[invalidation_id]
            for cid, answer in answers.items():
                if isinstance(answer, BaseException) and not is_connection_failure(answer):
                    log.error("invalidation %s: %s refused delivery: %s", invalidation_id, cid, answer)
        return landed

    def _retry_loop(self) -> None:
        while not self._closed.wait(self.relay_interval_ms / 1000):
            if self.pending():
                self.deliver_pending()

    def close(self) -> None:
        """Stops the retries; undurable invalidations not yet delivered are listed in ``dropped`` (and logged)."""
        if self._closed.is_set():
            return
        self._closed.set()
        with self._lock:
            left = list(self._pending)
            self._pending.clear()
        if left:
            self.dropped.extend(left)
            log.error("closing with %d undelivered invalidation(s): %s", len(left), ", ".join(left))
        self.clusters.close()

    def __enter__(self) -> RegionalCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
