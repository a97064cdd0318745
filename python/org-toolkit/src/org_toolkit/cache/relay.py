"""A relay that follows PROTOCOL.md section 6, sharing leases with the TypeScript relays.

>>> relay = Relay(config)        # the topology whose outboxes it sweeps
>>> relay.run_once()             # one round over every outbox it can lease; returns deliveries
>>> relay.start(); ...; relay.stop()

``python -m org_toolkit.cache.relay`` runs one in the foreground (Ctrl-C to stop).
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import secrets
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from ..config import OrgConfig, current
from .clusters import ClusterClient, Clusters, decode, is_connection_failure
from .keys import KeyLayout
from .scripts import PROTOCOL_VERSION

log = logging.getLogger("org_toolkit.cache.relay")

PAGE = 500
MAX_DELIVERY_ATTEMPTS = 5
DEAD_MAXLEN = 10_000


def fingerprint(cluster_ids: list[str]) -> str:
    return hashlib.sha256(",".join(sorted(cluster_ids)).encode()).hexdigest()[:12]


@dataclass
class _Entry:
    stream_id: str
    fields: dict[str, str]
    id: str = ""
    keys: list[str] | None = None
    targets: list[str] | None = None

    @property
    def malformed(self) -> bool:
        return not self.id or self.keys is None or self.targets is None


def _parse(stream_id: Any, raw: dict[Any, Any]) -> _Entry:
    fields = {decode(k): decode(v) for k, v in raw.items()}
    entry = _Entry(decode(stream_id), fields, fields.get("id", ""))
    for name in ("keys", "targets"):
        try:
            value = json.loads(fields.get(name, ""))
        except ValueError:
            continue
        if isinstance(value, list) and value and all(isinstance(x, str) for x in value):
            setattr(entry, name, value)
    return entry


class Relay:
    """Delivers what outboxes hold to the clusters that have not applied it (see the module docs)."""

    def __init__(
        self,
        config: OrgConfig | None = None,
        *,
        namespace: str = "org:cache",
        op_timeout_ms: int | None = None,
        relay_interval_ms: int | None = None,
    ) -> None:
        self.config = config if config is not None else current()
        self.layout = KeyLayout(namespace)
        self.op_timeout_ms = op_timeout_ms if op_timeout_ms is not None else self.config.cache.op_timeout_ms
        self.interval_ms = max(10, relay_interval_ms if relay_interval_ms is not None else self.op_timeout_ms)
        self.retention_ms = 2 * self.config.cache.max_ttl_ms
        self.clusters = Clusters(self.config, self.op_timeout_ms)
        self.owner = f"py-{uuid.uuid4()}"
        self.lease_key = self.layout.relay_lease(fingerprint(self.clusters.ids))
        self.lease_ms = 4 * max(self.interval_ms, self.op_timeout_ms)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # (outbox cluster, stream id) -> time.monotonic() when this relay first read the entry pending:
        # an entry is moot only after this relay watched it that long (PROTOCOL.md section 1, "Clocks").
        self._watched: dict[tuple[str, str], float] = {}

    # -- one round -------------------------------------------------------------------------------
    def run_once(self) -> int:
        """One pass over every outbox this relay holds the lease of; returns the deliveries applied."""
        applied = 0
        held = self.clusters.each(self.clusters.ids, lambda c: c.hold(keys=[self.lease_key], args=[self.owner, self.lease_ms]))
        for source in self.clusters.ids:
            if held[source] == 0:
                self._forget(source, set())  # another relay holds it: the watch starts over if we take it again
            if held[source] == 1:
                try:
                    applied += self._pass(source)
                except Exception as error:  # one outbox's trouble never stops the others
                    if not is_connection_failure(error):
                        log.error("relay pass over %s failed: %s", source, error)
        return applied

    def _pass(self, source: str) -> int:
        src = self.clusters.clients[source]
        times = self.clusters.each(self.clusters.ids, lambda c: c.time_ms())
        now = {cid: t for cid, t in times.items() if not isinstance(t, BaseException)}
        if source not in now:
            return 0
        waiting: dict[str, int] = {cid: 0 for cid in self.clusters.ids}
        applied = 0
        start = "-"
        seen: set[str] = set()
        while True:
            page = src.redis.xrange(self.layout.outbox, min=start, max="+", count=PAGE)
            if not page:
                break
            entries = [_parse(sid, raw or {}) for sid, raw in page]
            seen.update(e.stream_id for e in entries)
            start = f"({entries[-1].stream_id}"
            applied += self._deliver_page(source, src, entries, now, waiting)
            if len(page) < PAGE:
                break
            if src.hold(keys=[self.lease_key], args=[self.owner, self.lease_ms]) != 1:
                # Lost the lease: another relay has this outbox now, and watches its entries itself.
                self._forget(source, set())
                return applied
        # The whole outbox was read: what it no longer holds needs no watching.
        self._forget(source, seen)
        for target in now:
            if target != source and waiting[target] == 0:
                stamp = now[target]
                self.clusters.each([target], lambda c: c.redis.hset(self.layout.swept, source, stamp))
        return applied

    def _deliver_page(
        self, source: str, src: ClusterClient, entries: list[_Entry], now: dict[str, int], waiting: dict[str, int]
    ) -> int:
        live: list[_Entry] = []
        for entry in entries:
            if entry.malformed:
                self._dead(src, entry, "*", "malformed outbox entry")
            elif self._moot(source, entry.stream_id, now[source]):
                src.redis.xdel(self.layout.outbox, entry.stream_id)  # moot: all it could affect has expired
                self._watched.pop((source, entry.stream_id), None)
            else:
                live.append(entry)
        outcome: dict[str, dict[str, bool]] = {e.stream_id: {} for e in live}
        targets = {t for e in live for t in (e.targets or []) if t != source and t in self.clusters.clients}
        failures: dict[str, list[tuple[str, str]]] = {}

        def deliver_all(client: ClusterClient) -> list[tuple[str, Any]]:
            mine = [e for e in live if client.id in (e.targets or [])]
            pipe = client.redis.pipeline(transaction=False)
            for entry in mine:
                keys = [self.layout.applied(entry.id), self.layout.outbox]
                for key in entry.keys or []:
                    keys += [self.layout.value(key), self.layout.generation(key)]
                client.deliver(keys=keys, args=[self.retention_ms, secrets.token_hex(16)], client=pipe)
            results = pipe.execute(raise_on_error=False)
            return [(e.stream_id, r) for e, r in zip(mine, results, strict=True)]

        reachable = [t for t in targets if t in now]
        answers = self.clusters.each(reachable, deliver_all, self.op_timeout_ms * max(1, len(live) // 100 + 1))
        applied = 0
        for target, answer in answers.items():
            if isinstance(answer, BaseException):
                continue
            for stream_id, result in answer:
                if isinstance(result, BaseException):
                    if is_connection_failure(result):
                        continue
                    failures.setdefault(stream_id, []).append((target, str(result)))
                else:
                    outcome[stream_id][target] = True
                    applied += int(result == 1)
        for entry in live:
            done = outcome[entry.stream_id]
            missing = [t for t in entry.targets or [] if t != source and not done.get(t)]
            for target in missing:
                if target in waiting:
                    waiting[target] += 1
            if entry.stream_id in failures:
                attempts = int(src.redis.hincrby(self.layout.attempts, entry.stream_id, 1))
                if attempts >= MAX_DELIVERY_ATTEMPTS:
                    target, reason = failures[entry.stream_id][0]
                    self._dead(src, entry, target, reason)
                    continue
            # An entry naming a cluster this relay does not know is left for a relay that knows it.
            if not missing and all(t == source or t in self.clusters.clients for t in entry.targets or []):
                src.redis.xdel(self.layout.outbox, entry.stream_id)
                src.redis.hdel(self.layout.attempts, entry.stream_id)
                self._watched.pop((source, entry.stream_id), None)
        return applied

    def _moot(self, source: str, stream_id: str, source_now: int) -> bool:
        """Older than ``retentionMs`` by the outbox cluster's clock (its stream id's time against its
        ``TIME``) **and** watched pending by this relay for ``retentionMs`` on its monotonic clock
        (PROTOCOL.md sections 1 "Clocks" and 6). The outbox's clock alone is not enough: Redis TIME is
        wall-clock time, and a forward step on that cluster makes an entry look old while its targets,
        on their own clocks, still hold the values it must remove. Until then it is delivered like any
        other (applying an old invalidation again only costs a miss)."""
        first_seen = self._watched.setdefault((source, stream_id), time.monotonic())
        if source_now - int(stream_id.split("-")[0]) <= self.retention_ms:
            return False
        return (time.monotonic() - first_seen) * 1000 > self.retention_ms

    def _forget(self, source: str, keep: set[str]) -> None:
        """Stops watching ``source``'s entries other than ``keep`` (retired, or not this relay's to watch)."""
        self._watched = {k: v for k, v in self._watched.items() if k[0] != source or k[1] in keep}

    def _dead(self, src: ClusterClient, entry: _Entry, target: str, reason: str) -> None:
        f = entry.fields
        src.redis.xadd(
            self.layout.dead,
            {
                "v": PROTOCOL_VERSION,
                "id": f.get("id", ""),
                "keys": f.get("keys", ""),
                "at": f.get("at", ""),
                "targets": f.get("targets", ""),
                "streamId": entry.stream_id,
                "target": target,
                "reason": reason,
            },
            maxlen=DEAD_MAXLEN,
            approximate=True,
        )
        src.redis.xdel(self.layout.outbox, entry.stream_id)
        src.redis.hdel(self.layout.attempts, entry.stream_id)
        self._watched.pop((src.id, entry.stream_id), None)

    # -- in the background -----------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="org-cache-relay", daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_ms * random.uniform(0.75, 1.25) / 1000):
            self.run_once()

    def __enter__(self) -> Relay:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Stops the background rounds, gives up the relay leases (RELEASE), disconnects."""
        if self._stop.is_set() and self._thread is None:
            return
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.clusters.each(self.clusters.ids, lambda c: c.release(keys=[self.lease_key], args=[self.owner]))
        self.clusters.close()


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    relay = Relay()
    print(f"org-toolkit relay {relay.owner}: {len(relay.clusters.ids)} clusters, every {relay.interval_ms} ms")
    relay.start()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        relay.stop()


if __name__ == "__main__":
    main()
