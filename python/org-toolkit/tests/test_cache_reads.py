"""Reads and fills of org_toolkit.cache on six real redis-server processes (PROTOCOL.md sections 4 and 7):
the rules the conformance scenarios cannot reach from outside one process."""

from __future__ import annotations

import json
from typing import Any

import pytest
import redis

from org_toolkit.cache import CacheError, RegionalCache, Relay
from org_toolkit.config import current

KEY = "api_key:9:status"
LOCAL = ("us-east-1-a", "us-east-1-b")


def _seed(local_regions: Any, value: Any = "active") -> None:
    bound = current().cache.op_timeout_ms * 4 / 1000
    for cid in local_regions.cluster_ids:
        with redis.Redis(port=local_regions.port(cid), socket_timeout=bound, socket_connect_timeout=bound) as client:
            client.set(f"org:cache:{{{KEY}}}", json.dumps(value))


def _relay_round(config: Any) -> None:
    relay = Relay(config)
    try:
        relay.run_once()  # sweeps every outbox and stamps each target's ns:swept
    finally:
        relay.stop()


def test_reads_and_fills_need_the_local_region(local_regions: Any) -> None:
    with RegionalCache(local_regions.config()) as cache:
        with pytest.raises(CacheError, match="local_region") as error:
            cache.get(KEY)
        assert error.value.code == "ORG_CACHE_OPTIONS"
    with pytest.raises(CacheError, match='local_region "mars-1" is not in the topology'):
        RegionalCache(local_regions.config(), local_region="mars-1")


def test_fail_closed_is_a_miss_for_a_key_this_process_queued_for_the_cluster(local_regions: Any) -> None:
    config = local_regions.config()
    _seed(local_regions)
    _relay_round(config)
    with RegionalCache(config, local_region="us-east-1", freshness_ms=600_000) as cache:
        assert cache.get(KEY, fail_closed=True) == "active"
        # As after an invalidation whose answers from both local clusters timed out (maybe applied, maybe not).
        cache._reads.note_queued([KEY], list(LOCAL))
        assert cache.get(KEY, fail_closed=True) is None
        assert cache.get(KEY) == "active"  # a plain read does not fence
        assert cache.get("api_key:10:status", fail_closed=True) is None


def test_a_cluster_back_after_a_failure_is_not_read_until_every_outbox_was_swept_for_it(local_regions: Any) -> None:
    config = local_regions.config()
    _seed(local_regions)
    _relay_round(config)
    with RegionalCache(config, local_region="us-east-1") as cache:
        assert cache.get(KEY) == "active"
        for cid in LOCAL:
            local_regions.partition(cid)
        try:
            with pytest.raises(CacheError, match="no cluster of us-east-1 answered") as error:
                cache.get(KEY)
            assert error.value.code == "ORG_CACHE_UNAVAILABLE"
            # The loader serves while the region is down, and nothing is stored.
            assert cache.get_or_set(KEY, lambda: "from the source") == "from the source"
        finally:
            for cid in LOCAL:
                local_regions.heal(cid)
        assert cache.get(KEY) is None  # recovering: its stamps predate its return
        _relay_round(config)
        assert cache.get(KEY) == "active"


def test_fills_refuse_values_json_cannot_carry_and_bad_ttls(local_regions: Any) -> None:
    with RegionalCache(local_regions.config(), local_region="us-east-1", max_value_bytes=64) as cache:
        for value, why in [
            (float("nan"), "not plain JSON"),
            ({1: "a"}, "does not round-trip"),
            (("a", "b"), "does not round-trip"),
            ({"x": -0.0}, "does not round-trip"),
            (object(), "not plain JSON"),
            ("x" * 100, "the limit is 64"),
        ]:
            with pytest.raises(CacheError, match=why) as error:
                cache.set(KEY, value)
            assert error.value.code == "ORG_CACHE_VALUE"
        for ttl in (0, -1, 1.5, True, current().cache.max_ttl_ms + 1):
            with pytest.raises(CacheError, match="ttl_ms must be a whole number") as error:
                cache.set(KEY, "v", ttl_ms=ttl)  # type: ignore[arg-type]
            assert error.value.code == "ORG_CACHE_TTL"
        lease = cache.lease("api_key:11:status")
        with pytest.raises(CacheError, match='the lease is for "api_key:11:status"'):
            cache.set(KEY, "v", lease=lease)
        assert sorted(cache.set(KEY, {"ok": [1, 2.5, None, True]}, ttl_ms=60_000)) == list(LOCAL)
        assert cache.get(KEY) == {"ok": [1, 2.5, None, True]}


def _stamp(local_regions: Any, target: str, age_ms: int, skip: str | None = None) -> None:
    """Writes target's ns:swept as a relay would have, age_ms ago by target's own clock."""
    bound = current().cache.op_timeout_ms * 4 / 1000
    with redis.Redis(port=local_regions.port(target), socket_timeout=bound, socket_connect_timeout=bound) as client:
        seconds, micros = client.time()
        now = int(seconds) * 1000 + int(micros) // 1000
        # org-guard-ignore-next-line no-local-cache-delete -- a fixture resetting one cluster's sweep stamps, not a cache key
        client.delete("org:cache:swept")
        for source in local_regions.cluster_ids:
            if source not in (target, skip):
                client.hset("org:cache:swept", source, now - age_ms)


def test_fail_closed_judges_every_outbox_stamp_by_the_read_clusters_own_clock(local_regions: Any) -> None:
    config = local_regions.config()
    _seed(local_regions)
    freshness = 10 * current().cache.op_timeout_ms
    with RegionalCache(config, local_region="us-east-1", freshness_ms=freshness) as cache:
        for cid in LOCAL:
            _stamp(local_regions, cid, age_ms=0)
        assert cache.get(KEY, fail_closed=True) == "active"
        for cid in LOCAL:
            _stamp(local_regions, cid, age_ms=freshness + 60_000)  # swept, but longer ago than freshness_ms
        assert cache.get(KEY, fail_closed=True) is None
        for cid in LOCAL:
            _stamp(local_regions, cid, age_ms=0, skip="ap-southeast-1-b")  # one outbox never swept for it
        assert cache.get(KEY, fail_closed=True) is None
        assert cache.get(KEY) == "active"


def test_sweep_stamps_ahead_of_the_read_clusters_clock_prove_nothing(local_regions: Any) -> None:
    """PROTOCOL.md section 1, "Clocks": a stamp later than its cluster's TIME was written before that
    clock stepped back; it counts as absent, for fail-closed reads and for a cluster back after a
    failure alike, until a relay pass writes one in the new clock."""
    config = local_regions.config()
    _seed(local_regions)
    an_hour_ahead = -3_600_000
    with RegionalCache(config, local_region="us-east-1", freshness_ms=600_000) as cache:
        for cid in LOCAL:
            _stamp(local_regions, cid, age_ms=an_hour_ahead)
        assert cache.get(KEY, fail_closed=True) is None
        assert cache.get(KEY) == "active"  # a plain read of a cluster that is up does not fence
        for cid in LOCAL:
            local_regions.partition(cid)
        try:
            with pytest.raises(CacheError, match="no cluster of us-east-1 answered"):
                cache.get(KEY)
        finally:
            for cid in LOCAL:
                local_regions.heal(cid)
        # Recovering: stamps "after" its return, but ahead of its clock, do not prove it was swept.
        assert cache.get(KEY) is None
        _relay_round(config)
        assert cache.get(KEY) == "active"
        assert cache.get(KEY, fail_closed=True) == "active"


def test_a_value_no_client_wrote_is_a_clear_error(local_regions: Any) -> None:
    _seed(local_regions)
    bound = current().cache.op_timeout_ms * 4 / 1000
    for cid in LOCAL:
        with redis.Redis(port=local_regions.port(cid), socket_timeout=bound, socket_connect_timeout=bound) as client:
            client.set(f"org:cache:{{{KEY}}}", "not json {")
    with RegionalCache(local_regions.config(), local_region="us-east-1") as cache:
        with pytest.raises(CacheError, match="is not JSON") as error:
            cache.get(KEY)
        assert error.value.code == "ORG_CACHE_VALUE"
