"""``RegionalCache``: the only way to invalidate is a broadcast to every cluster of every region."""

from __future__ import annotations

import json
import logging
import math
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..config import OrgConfig, current
from .errors import CacheError
from .clusters import ClusterClient, Clusters, decode, is_connection_failure, reason_of
from .keys import KeyLayout, validate_key
from .reads import MAX_VALUE_BYTES, Lease, Reads, encode_value
from .report import InvalidationReport, is_durable

T = TypeVar("T")

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
    >>> cache = RegionalCache(local_region="us-east-1")  # reads and fills need the local region
    >>> cache.get_or_set(f"api_key:{key_id}:status", lambda: load_status(key_id))
    >>> cache.get(f"api_key:{key_id}:status", fail_closed=True)  # a miss unless provably current

    :param config: topology and bounds; the process's config when omitted.
    :param local_region: the region whose clusters ``get``/``set``/``get_or_set`` use (reads only;
        ``invalidate`` always reaches every region).
    :param namespace: key prefix shared with the TypeScript clients (default ``org:cache``).
    :param op_timeout_ms: bound on each cluster's answer (default ``config.cache.op_timeout_ms``).
    :param relay_interval_ms: how often undurable invalidations are retried (default op_timeout_ms).
    :param max_local_queue: undurable invalidations kept in memory at most; older ones are dropped (logged).
    :param freshness_ms: how recent every outbox's sweep stamp must be, by the read cluster's clock, for a
        ``fail_closed`` read to return a value (default 4 x relay_interval_ms + op_timeout_ms, as TypeScript).
    :param max_value_bytes: the largest value ``set`` writes, as JSON (default 512 KiB).
    """

    def __init__(
        self,
        config: OrgConfig | None = None,
        *,
        namespace: str = "org:cache",
        op_timeout_ms: int | None = None,
        relay_interval_ms: int | None = None,
        max_local_queue: int = 10_000,
        local_region: str | None = None,
        freshness_ms: int | None = None,
        max_value_bytes: int = MAX_VALUE_BYTES,
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
        self.local_region = local_region
        self.freshness_ms = freshness_ms if freshness_ms is not None else 4 * self.relay_interval_ms + self.op_timeout_ms
        self.max_value_bytes = max_value_bytes
        local = [c.id for r in self.config.regions if r.id == local_region for c in r.clusters]
        if local_region is not None and not local:
            self.clusters.close()
            known = ", ".join(r.id for r in self.config.regions)
            raise CacheError("ORG_CACHE_OPTIONS", f'local_region "{local_region}" is not in the topology ({known})')
        self._reads = Reads(
            self.clusters,
            self.layout,
            local,
            local_region or "",
            self.op_timeout_ms,
            self.freshness_ms,
            self.retention_ms,
        )
        self._loads: dict[str, threading.Lock] = {}

    # -- reads and fills ---------------------------------------------------------------------------
    def _reads_ready(self, key: str) -> str:
        if self._closed.is_set():
            raise CacheError("ORG_CACHE_CLOSED", "this cache was closed; create a new RegionalCache")
        if self.local_region is None:
            raise CacheError(
                "ORG_CACHE_OPTIONS",
                'reads and fills use the local region\'s clusters: create the cache with local_region="us-east-1" (say)',
            )
        return validate_key(key)

    def get(self, key: str, *, fail_closed: bool = False) -> Any:
        """The value of ``key`` in the local region, or ``None`` for a miss.

        :param fail_closed: for security-critical keys (revocations): a miss unless the cluster read was
            swept from every outbox within ``freshness_ms`` and no invalidation of the key by this
            process is pending for it.
        :raises CacheError: ``ORG_CACHE_UNAVAILABLE`` when no local cluster answered (read the source of truth).
        """
        text = self._reads.read(self._reads_ready(key), fail_closed)
        return None if text is None else _decode(key, text)

    def lease(self, key: str) -> Lease:
        """Takes a lease on the local clusters; take it before reading the source of truth, pass it to ``set``."""
        return self._reads.lease(self._reads_ready(key))

    def set(self, key: str, value: Any, *, ttl_ms: int | None = None, lease: Lease | None = None) -> list[str]:
        """Stores ``value`` (plain JSON) on the local clusters; with a ``lease`` only where no invalidation
        happened since it was taken. Returns the clusters that stored it."""
        self._reads_ready(key)
        most = self.config.cache.max_ttl_ms
        ttl = most if ttl_ms is None else ttl_ms
        if isinstance(ttl, bool) or not isinstance(ttl, int) or not 1 <= ttl <= most:
            raise CacheError("ORG_CACHE_TTL", f"ttl_ms must be a whole number from 1 to max_ttl_ms ({most}); got {ttl!r}")
        if lease is not None and lease.key != key:
            raise CacheError("ORG_CACHE_KEY", f'the lease is for "{lease.key}", not "{key}"')
        return self._reads.fill(key, encode_value(key, value, self.max_value_bytes), ttl, lease)

    def get_or_set(self, key: str, loader: Callable[[], T], *, ttl_ms: int | None = None) -> T:
        """The cached value, or ``loader()``'s stored under a lease taken before it ran, so a value
        loaded before an invalidation is never written after it. ``loader`` returning None is not stored.
        Concurrent calls for one key in this process share one load."""
        self._reads_ready(key)
        text = self._read_or_none(key)
        if text is not None:
            value: T = _decode(key, text)
            return value
        with self._lock:
            gate = self._loads.setdefault(key, threading.Lock())
        try:
            with gate:
                # Another thread of this process may have filled it while we waited.
                text = self._read_or_none(key)
                if text is not None:
                    again: T = _decode(key, text)
                    return again
                lease = self._reads.lease(key)
                loaded = loader()
                if loaded is not None:
                    self.set(key, loaded, ttl_ms=ttl_ms, lease=lease)
                return loaded
        finally:
            with self._lock:
                if self._loads.get(key) is gate and not gate.locked():
                    del self._loads[key]

    def _read_or_none(self, key: str) -> str | None:
        try:
            return self._reads.read(key, False)
        except CacheError as error:
            # The cache is an optimisation: with the local region down, serve from the loader.
            if error.code != "ORG_CACHE_UNAVAILABLE":
                raise
            return None

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
        args: list[str | int] = [
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
            streams = {cid: answer for cid in delivered if isinstance(answer := answers[cid], str)}
            self.clusters.each(delivered, lambda c: c.redis.xdel(self.layout.outbox, streams[c.id]))
        elif not durable:
            self._keep(_Pending(invalidation_id, unique, set(queued)))
        for cid in queued:
            log.warning("invalidation %s queued for %s (%s)", invalidation_id, cid, reasons[cid])
            if is_connection_failure(answers[cid]):  # type: ignore[arg-type]
                self._reads.failed(cid)
        self._reads.note_queued(unique, queued)
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


def _decode(key: str, text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        raise CacheError(
            "ORG_CACHE_VALUE",
            f'the cached value of "{key[:80]}" is not JSON: it was written by something other than an @org cache '
            "client; invalidate the key",
        ) from None
