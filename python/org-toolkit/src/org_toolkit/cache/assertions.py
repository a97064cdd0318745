"""Assertions on what every cluster holds (the plugin's ``expect_invalidated_everywhere``)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import redis

from ..config import Region, connection_url, current
from .keys import KeyLayout


def assert_invalidated_everywhere(
    key: str, regions: tuple[Region, ...], namespace: str = "org:cache", timeout_ms: int | None = None
) -> None:
    """Raises AssertionError naming every cluster that still holds ``key`` or could not be read."""
    layout = KeyLayout(namespace)
    bound = (timeout_ms if timeout_ms is not None else current().cache.op_timeout_ms * 4) / 1000

    def check(region: Region, cluster_index: int) -> str | None:
        cluster = region.clusters[cluster_index]
        client = redis.Redis.from_url(
            connection_url(cluster), socket_timeout=bound, socket_connect_timeout=bound, retry=None
        )
        try:
            value = client.get(layout.value(key))
        except redis.RedisError as error:
            return f"{region.id}/{cluster.id} could not be checked: {type(error).__name__}: {error}"
        finally:
            client.close()
        if value is None:
            return None
        shown = value.decode(errors="replace") if isinstance(value, bytes) else str(value)
        return f"{region.id}/{cluster.id} still holds {shown}"

    jobs = [(region, i) for region in regions for i in range(len(region.clusters))]
    with ThreadPoolExecutor(max_workers=len(jobs) or 1) as pool:
        problems = sorted(p for p in pool.map(lambda job: check(*job), jobs) if p is not None)
    if problems:
        raise AssertionError(f'"{key}" is not invalidated everywhere:\n  - ' + "\n  - ".join(problems))
