"""org_toolkit.cache on six real redis-server processes: the report is honest, the relay delivers."""

from __future__ import annotations

import json

import pytest
import redis

from org_toolkit.cache import CacheError, RegionalCache, Relay
from org_toolkit.config import current

KEY = "api_key:42:status"


def _client(local_regions, cluster_id: str) -> redis.Redis:  # type: ignore[no-untyped-def]
    bound = current().cache.op_timeout_ms * 4 / 1000
    return redis.Redis(port=local_regions.port(cluster_id), socket_timeout=bound, socket_connect_timeout=bound)


def _fill_everywhere(local_regions, key: str = KEY) -> None:  # type: ignore[no-untyped-def]
    for cluster_id in local_regions.cluster_ids:
        with _client(local_regions, cluster_id) as client:
            client.set(f"org:cache:{{{key}}}", json.dumps("active"))


def test_an_invalidation_reaches_every_cluster_and_leaves_no_outbox_entry(local_regions, expect_invalidated_everywhere) -> None:  # type: ignore[no-untyped-def]
    _fill_everywhere(local_regions)
    with RegionalCache(local_regions.config()) as cache:
        report = cache.invalidate(KEY)
    assert (report.complete, report.queued, report.durable) == (True, (), True)
    assert report.delivered == tuple(local_regions.cluster_ids)
    expect_invalidated_everywhere(KEY)
    for cluster_id in local_regions.cluster_ids:
        with _client(local_regions, cluster_id) as client:
            assert client.get(f"org:cache:applied:{report.id}") == b"1"
            assert len(client.get(f"org:cache:{{{KEY}}}:gen") or b"") == 32
            assert client.xlen("org:cache:outbox") == 0  # the issuer cleaned up: nothing left to relay


def test_a_partitioned_cluster_is_queued_and_a_relay_delivers_it_after_the_heal(local_regions, expect_invalidated_everywhere) -> None:  # type: ignore[no-untyped-def]
    _fill_everywhere(local_regions)
    config = local_regions.config()
    local_regions.partition("ap-southeast-1-a")
    with RegionalCache(config) as cache:
        report = cache.invalidate(KEY)
    assert report.queued == ("ap-southeast-1-a",)
    assert report.reasons == {"ap-southeast-1-a": "timeout"}
    assert (report.complete, report.durable) == (False, True)
    with pytest.raises(AssertionError, match="ap-southeast-1-a could not be checked"):
        expect_invalidated_everywhere(KEY)
    local_regions.heal("ap-southeast-1-a")
    with pytest.raises(AssertionError, match='ap-southeast-1/ap-southeast-1-a still holds "active"'):
        expect_invalidated_everywhere(KEY)
    relay = Relay(config)
    try:
        assert relay.run_once() == 1
        assert relay.run_once() == 0  # retired: nothing is delivered twice
    finally:
        relay.stop()
    expect_invalidated_everywhere(KEY)
    for cluster_id in local_regions.cluster_ids:
        with _client(local_regions, cluster_id) as client:
            assert client.xlen("org:cache:outbox") == 0
            # Every other outbox was swept for this cluster, with nothing of it left waiting.
            swept = {k.decode() for k in client.hkeys("org:cache:swept")}
            assert swept == set(local_regions.cluster_ids) - {cluster_id}


def test_an_entry_old_only_by_its_outboxs_clock_is_delivered_and_moot_after_the_relay_watched_it(local_regions) -> None:  # type: ignore[no-untyped-def]
    """PROTOCOL.md section 1, "Clocks": a forward step on the outbox's cluster makes an entry look older
    than the retention while its targets, on their own clocks, still hold the values it must remove."""
    _fill_everywhere(local_regions)
    config = local_regions.config()
    source = "eu-west-1-a"
    retention_ms = 2 * config.cache.max_ttl_ms
    with _client(local_regions, source) as client:
        seconds, micros = client.time()
        now = int(seconds) * 1000 + int(micros) // 1000
        # An hour past the retention by the source's clock; naming a cluster this relay does not know,
        # so the relay keeps it pending after delivering it (it is never retired by this relay).
        targets = [*local_regions.cluster_ids, "mars-1-a"]
        fields = {"v": "2", "id": "00000000-0000-4000-8000-000000000042", "keys": json.dumps([KEY]), "at": "0"}
        client.xadd("org:cache:outbox", {**fields, "targets": json.dumps(targets)}, id=f"{now - retention_ms - 3_600_000}-0")
    relay = Relay(config)
    try:
        relay.run_once()
        for cluster_id in local_regions.cluster_ids:
            if cluster_id != source:
                with _client(local_regions, cluster_id) as client:
                    assert client.get(f"org:cache:{{{KEY}}}") is None, f"{cluster_id} still holds the value"
        with _client(local_regions, source) as client:
            assert client.xlen("org:cache:outbox") == 1  # delivered, not dropped as moot
        relay.run_once()
        with _client(local_regions, source) as client:
            assert client.xlen("org:cache:outbox") == 1  # watched for less than the retention: still pending
        # As if this relay had watched it pending for the whole retention on its monotonic clock.
        relay._watched = {k: v - retention_ms / 1000 - 1 for k, v in relay._watched.items()}
        relay.run_once()
        with _client(local_regions, source) as client:
            assert client.xlen("org:cache:outbox") == 0  # moot by both clocks: removed
    finally:
        relay.stop()


def test_with_only_one_region_reachable_the_report_is_not_durable_and_this_process_retries(local_regions) -> None:  # type: ignore[no-untyped-def]
    config = local_regions.config()
    down = [c for c in local_regions.cluster_ids if not c.startswith("us-east-1")]
    for cluster_id in down:
        local_regions.kill(cluster_id)
    with RegionalCache(config) as cache:
        report = cache.invalidate(KEY)
        assert (report.delivered, report.durable, report.complete) == (("us-east-1-a", "us-east-1-b"), False, False)
        assert set(report.reasons.values()) == {"refused"}
        assert cache.pending() == {report.id: tuple(sorted(down))}
        for cluster_id in down:
            local_regions.restart(cluster_id)
        cache.deliver_pending()  # its background retry may have delivered some already: both count
        assert cache.pending() == {}
        for cluster_id in down:
            with _client(local_regions, cluster_id) as client:
                assert client.get(f"org:cache:applied:{report.id}") == b"1"


def test_closing_with_undelivered_invalidations_says_which(local_regions) -> None:  # type: ignore[no-untyped-def]
    for cluster_id in local_regions.cluster_ids:
        local_regions.kill(cluster_id)
    cache = RegionalCache(local_regions.config())
    report = cache.invalidate(KEY)
    assert (report.delivered, report.durable) == ((), False)
    cache.close()
    assert cache.dropped == [report.id]


@pytest.mark.parametrize("bad", ["", "has space", "}starts-with-brace", "x" * 1025, 42])
def test_bad_keys_are_refused_before_anything_is_sent(bad: object, local_regions) -> None:  # type: ignore[no-untyped-def]
    with RegionalCache(local_regions.config()) as cache, pytest.raises(CacheError) as caught:
        cache.invalidate(bad)  # type: ignore[arg-type]
    assert caught.value.code == "ORG_CACHE_KEY"
    for cluster_id in local_regions.cluster_ids:
        with _client(local_regions, cluster_id) as client:
            assert client.dbsize() == 0
