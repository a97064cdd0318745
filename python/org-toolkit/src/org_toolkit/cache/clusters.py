"""One redis-py client per cluster, every call bounded, no hidden retries (reliability lives in the outbox)."""

from __future__ import annotations

import errno
import ssl
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any, TypeVar

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from ..config import Cluster, OrgConfig, connection_url
from .errors import CacheError
from .scripts import DELIVER, FILL, HOLD, INVALIDATE, LEASE, RELEASE

T = TypeVar("T")


def reason_of(error: BaseException) -> str:
    """PROTOCOL.md section 7's reasons: auth, tls, refused, timeout, unavailable, rejected, error."""
    if isinstance(error, redis.AuthenticationError | redis.AuthenticationWrongNumberOfArgsError):
        return "auth"
    if isinstance(error, redis.TimeoutError | TimeoutError):
        return "timeout"
    if isinstance(error, ssl.SSLError) or "SSL" in type(error.__cause__ or error).__name__:
        return "tls"
    if isinstance(error, redis.ConnectionError | ConnectionError | OSError):
        cause = error.__cause__ or error.__context__
        text = str(error)
        if isinstance(cause, ConnectionRefusedError) or "refused" in text.lower() or f"{errno.ECONNREFUSED}" in text:
            return "refused"
        if "NOAUTH" in text or "WRONGPASS" in text:
            return "auth"
        return "unavailable"
    if isinstance(error, redis.ResponseError):
        return "auth" if str(error).startswith(("NOAUTH", "WRONGPASS", "NOPERM")) else "rejected"
    return "error"


class ClusterClient:
    """A standalone cluster's client with the protocol's scripts registered (EVALSHA, EVAL on NOSCRIPT)."""

    def __init__(self, cluster: Cluster, bound_s: float) -> None:
        if cluster.mode != "standalone":
            raise CacheError(
                "ORG_CACHE_TOPOLOGY",
                f'cluster "{cluster.id}" has mode "{cluster.mode}": org_toolkit.cache speaks to standalone '
                "servers only; use @org/cache-client for Redis Cluster topologies",
            )
        self.id = cluster.id
        self.redis = redis.Redis.from_url(
            connection_url(cluster),
            socket_timeout=bound_s,
            socket_connect_timeout=bound_s,
            retry=Retry(NoBackoff(), 0),
            retry_on_timeout=False,
            health_check_interval=0,
            single_connection_client=False,
        )
        self.lease = self.redis.register_script(LEASE)
        self.fill = self.redis.register_script(FILL)
        self.invalidate = self.redis.register_script(INVALIDATE)
        self.deliver = self.redis.register_script(DELIVER)
        self.hold = self.redis.register_script(HOLD)
        self.release = self.redis.register_script(RELEASE)

    def time_ms(self) -> int:
        seconds, micros = self.redis.time()
        return int(seconds) * 1000 + int(micros) // 1000

    def close(self) -> None:
        self.redis.close()


class Clusters:
    """Every cluster of a topology, in topology order, with a pool to call them all at once."""

    def __init__(self, config: OrgConfig, op_timeout_ms: int) -> None:
        self.config = config
        self.op_timeout_ms = op_timeout_ms
        self.regions = {cluster.id: region.id for region in config.regions for cluster in region.clusters}
        self.ids = list(self.regions)
        bound = op_timeout_ms / 1000
        self.clients = {
            cluster.id: ClusterClient(cluster, bound) for region in config.regions for cluster in region.clusters
        }
        self.pool = ThreadPoolExecutor(max_workers=max(4, 2 * len(self.ids)), thread_name_prefix="org-cache")

    def each(
        self, ids: list[str], call: Callable[[ClusterClient], T], bound_ms: int | None = None
    ) -> dict[str, T | BaseException]:
        """Runs ``call`` on every cluster in parallel; a cluster that has not answered within the
        bound (the socket timeout, plus a grace for thread scheduling) is a TimeoutError."""
        futures: dict[str, Future[T]] = {cid: self.pool.submit(call, self.clients[cid]) for cid in ids}
        # The socket timeout bounds each call; the wait below only guards a call stuck elsewhere.
        wait(futures.values(), timeout=(bound_ms or self.op_timeout_ms) * 4 / 1000)
        out: dict[str, T | BaseException] = {}
        for cid, future in futures.items():
            if not future.done():
                out[cid] = TimeoutError(f"{cid} did not answer within its bound")
                continue
            error = future.exception()
            out[cid] = error if error is not None else future.result()
        return out

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        for client in self.clients.values():
            client.close()


def is_connection_failure(error: BaseException) -> bool:
    return isinstance(error, redis.ConnectionError | redis.TimeoutError | TimeoutError | OSError) and not isinstance(
        error, redis.ResponseError
    )


def decode(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
