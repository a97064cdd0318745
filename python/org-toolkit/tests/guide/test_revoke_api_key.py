# The seed's revocation and per-region test, fixed: one call invalidates every cluster of every
# region and reports what it reached; the test cuts off one cluster per region in turn, as prod can.
import pytest

from org_toolkit.cache import RegionalCache, Relay


def revoke_api_key(db, cache, key_id):
    db.execute("UPDATE api_keys SET status='revoked' WHERE id=?", (key_id,))
    report = cache.invalidate(f"api_key:{key_id}:status")  # every cluster of every region
    return {"success": True, "complete": report.complete, "durable": report.durable}


@pytest.mark.regions
def test_cache_invalidation_global(region, local_regions, db, create_key, expect_invalidated_everywhere):
    key_id = create_key()  # in the database, and cached as "active" in every cluster
    local_regions.partition(f"{region}-a")  # this region's first cluster stops answering

    with RegionalCache(local_regions.config()) as cache:
        result = revoke_api_key(db, cache, key_id)
    assert result["durable"] and not result["complete"]  # queued for the cut-off cluster, not lost

    local_regions.heal(f"{region}-a")
    with Relay(local_regions.config()) as relay:  # what every @org/cache-client instance runs
        relay.run_once()
    expect_invalidated_everywhere(f"api_key:{key_id}:status")
