"""The pytest plugin as a user gets it: loaded by its pytest11 entry point from the installed wheel."""

from __future__ import annotations

import pytest
import redis

from org_toolkit.config import current

INNER = """
import pytest

def test_timeout(request):
    print("TIMEOUT", request.config.getoption("timeout"))

@pytest.mark.regions
def test_each_region(region):
    print("REGION", region)

@pytest.mark.regions("ap-southeast-1")
def test_one_region(region):
    print("ONLY", region)
"""


def _run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, *args: str, **env: str) -> pytest.RunResult:
    for name in ("ORG_ENV", "PYTEST_TIMEOUT", "ORG_TIMEOUT_MS", "ORG_TEST_TIMEOUT_MS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    pytester.makepyfile(INNER)
    return pytester.runpytest_subprocess("-s", "-p", "no:cacheprovider", *args)


def test_default_timeout_is_timeouts_test_of_org_env(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _run(pytester, monkeypatch, ORG_ENV="staging")
    result.assert_outcomes(passed=5)
    result.stdout.fnmatch_lines(["org-toolkit: per-test timeout 120 s (timeouts.test, ORG_ENV=staging)", "timeout: 120.0s", "*TIMEOUT 120.0"])


def test_dev_gets_twenty_seconds(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    _run(pytester, monkeypatch).stdout.fnmatch_lines(["timeout: 20.0s", "*TIMEOUT 20.0"])


def test_an_explicit_timeout_wins(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _run(pytester, monkeypatch, "--timeout", "7", ORG_ENV="prod")
    result.stdout.fnmatch_lines(["timeout: 7.0s", "*TIMEOUT 7.0"])
    result.stdout.no_fnmatch_line("*per-test timeout*")


def test_regions_marker_runs_once_per_region(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _run(pytester, monkeypatch, "-v")
    result.assert_outcomes(passed=5)
    result.stdout.fnmatch_lines_random(
        [
            "*::test_each_region?us-east-1? REGION us-east-1",
            "*::test_each_region?eu-west-1? REGION eu-west-1",
            "*::test_each_region?ap-southeast-1? REGION ap-southeast-1",
            "*::test_one_region?ap-southeast-1? ONLY ap-southeast-1",
        ]
    )


def test_an_unknown_region_is_a_usage_error(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(
        test_bad="""
import pytest
@pytest.mark.regions("mars-1")
def test_x(region): pass
"""
    )
    result = _run(pytester, monkeypatch)
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*names unknown region(s) mars-1 (the config has us-east-1, eu-west-1, ap-southeast-1)*"])


def test_a_bad_org_variable_stops_the_run_naming_it(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _run(pytester, monkeypatch, ORG_TIMEOUT_MS="30s")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*ORG_TIMEOUT_MS: must be a positive whole number of milliseconds*(got \"30s\")*"])


def _client(local_regions: object, cluster_id: str) -> redis.Redis:
    bound = current().cache.op_timeout_ms * 4 / 1000
    return redis.Redis(port=local_regions.port(cluster_id), socket_timeout=bound, socket_connect_timeout=bound)  # type: ignore[attr-defined]


def test_local_regions_are_six_real_servers(local_regions: object) -> None:
    assert [r.id for r in local_regions.regions] == ["us-east-1", "eu-west-1", "ap-southeast-1"]  # type: ignore[attr-defined]
    assert local_regions.cluster_ids == [  # type: ignore[attr-defined]
        f"{region}-{suffix}" for region in ("us-east-1", "eu-west-1", "ap-southeast-1") for suffix in "ab"
    ]
    for cluster_id in local_regions.cluster_ids:  # type: ignore[attr-defined]
        with _client(local_regions, cluster_id) as client:
            assert client.ping()


def test_partition_hangs_and_heal_answers(local_regions: object) -> None:
    local_regions.partition("ap-southeast-1-a")  # type: ignore[attr-defined]
    with _client(local_regions, "ap-southeast-1-a") as client:
        with pytest.raises(redis.TimeoutError):
            client.ping()
    local_regions.heal("ap-southeast-1-a")  # type: ignore[attr-defined]
    with _client(local_regions, "ap-southeast-1-a") as client:
        assert client.ping()


def test_kill_refuses_and_the_next_test_gets_it_back(local_regions: object) -> None:
    with _client(local_regions, "eu-west-1-b") as client:
        client.set("left-behind", "1")
    local_regions.kill("eu-west-1-b")  # type: ignore[attr-defined]
    with _client(local_regions, "eu-west-1-b") as client:
        with pytest.raises(redis.ConnectionError):
            client.ping()


def test_every_test_starts_with_running_empty_clusters(local_regions: object) -> None:
    for cluster_id in local_regions.cluster_ids:  # type: ignore[attr-defined]
        with _client(local_regions, cluster_id) as client:
            assert client.dbsize() == 0


def test_expect_invalidated_everywhere_names_what_still_holds_the_key(local_regions: object, expect_invalidated_everywhere) -> None:  # type: ignore[no-untyped-def]
    expect_invalidated_everywhere("api_key:1:status")
    with _client(local_regions, "ap-southeast-1-b") as client:
        client.set("org:cache:{api_key:1:status}", '"active"')
    local_regions.partition("eu-west-1-a")  # type: ignore[attr-defined]
    with pytest.raises(AssertionError) as caught:
        expect_invalidated_everywhere("api_key:1:status")
    lines = str(caught.value).splitlines()
    assert lines[0] == '"api_key:1:status" is not invalidated everywhere:'
    assert lines[1] == '  - ap-southeast-1/ap-southeast-1-b still holds "active"'
    assert lines[2].startswith("  - eu-west-1/eu-west-1-a could not be checked: TimeoutError")
    assert len(lines) == 3
