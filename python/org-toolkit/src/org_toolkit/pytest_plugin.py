"""pytest plugin (entry point ``pytest11``), active wherever org-toolkit is installed.

- ``@pytest.mark.regions`` runs a test once per region of the config (``region`` argument: its id);
  ``@pytest.mark.regions("us-east-1", "ap-southeast-1")`` picks some.
- ``local_regions``: six real redis-server processes (two per region) on free loopback ports, with
  ``partition`` / ``heal`` / ``kill`` / ``restart``; clean (healed, running, empty) for every test.
- ``expect_invalidated_everywhere(key)``: fails unless no cluster of the topology holds ``key``.
- With pytest-timeout installed, every test gets ``timeouts.test`` as its default timeout
  (dev 20 s, staging 120 s, prod 240 s) unless ``--timeout``, ``PYTEST_TIMEOUT`` or the ini says otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from . import config as org_config
from .config import ConfigError, OrgConfig, Region

_CI = os.environ.get("CI") in ("true", "1")


def _config() -> OrgConfig:
    try:
        return org_config.current()
    except ConfigError as error:
        raise pytest.UsageError(f"org-toolkit: {error}") from None


def _timeout_configured(config: pytest.Config) -> bool:
    try:
        return bool(
            config.getoption("timeout", None) is not None
            or os.environ.get("PYTEST_TIMEOUT")
            or config.getini("timeout")
        )
    except ValueError:
        return False


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "regions(*ids): run the test once per region of the org config, as the `region` argument "
        "(optionally only the region ids given)",
    )
    # Runs before pytest-timeout reads its settings: a default only, never over an explicit choice.
    if config.pluginmanager.hasplugin("timeout") and not _timeout_configured(config):
        config.option.timeout = _config().timeouts.test / 1000
        config._org_default_timeout = True  # type: ignore[attr-defined]


def pytest_report_header(config: pytest.Config) -> str | None:
    if getattr(config, "_org_default_timeout", False):
        cfg = _config()
        return f"org-toolkit: per-test timeout {cfg.timeouts.test / 1000:g} s (timeouts.test, ORG_ENV={cfg.ENV})"
    return None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marker = metafunc.definition.get_closest_marker("regions")
    if marker is None:
        return
    if "region" not in metafunc.fixturenames:
        raise pytest.Collector.CollectError(
            f"{metafunc.definition.nodeid}: @pytest.mark.regions needs a `region` argument to parametrize"
        )
    known = [region.id for region in _config().regions]
    wanted = list(marker.args) or known
    unknown = [rid for rid in wanted if rid not in known]
    if unknown:
        raise pytest.Collector.CollectError(
            f"{metafunc.definition.nodeid}: @pytest.mark.regions names unknown region(s) "
            f"{', '.join(unknown)} (the config has {', '.join(known)})"
        )
    metafunc.parametrize("region", wanted, ids=wanted)


@pytest.fixture(scope="session")
def org_config_current() -> OrgConfig:
    """The process's org config (ORG_ENV and the other ORG_* variables)."""
    return _config()


@pytest.fixture(scope="session")
def _org_local_regions_pool() -> Iterator[Any]:
    from .testing import RedisServerMissing, start_local_regions

    try:
        local = start_local_regions(config=_config())
    except RedisServerMissing as error:
        if _CI:
            pytest.fail(f"{error} (CI=true: local_regions needs it)", pytrace=False)
        pytest.skip(str(error))
    try:
        yield local
    finally:
        local.stop()


@pytest.fixture
def local_regions(_org_local_regions_pool: Any) -> Iterator[Any]:
    """Six real redis-server processes (two per region), healed, running and empty for this test."""
    import redis

    local = _org_local_regions_pool
    bound = _config().timeouts.connect / 1000
    for cluster_id, server in local.servers.items():
        if server.process is None or server.process.poll() is not None:
            local.restart(cluster_id)
        local.heal(cluster_id)
        with redis.Redis(port=server.port, socket_timeout=bound, socket_connect_timeout=bound) as client:
            client.flushall()
    yield local
    for cluster_id in local.cluster_ids:
        local.heal(cluster_id)


@pytest.fixture
def expect_invalidated_everywhere(request: pytest.FixtureRequest) -> Callable[..., None]:
    """``expect_invalidated_everywhere(key, regions=None, namespace="org:cache")``.

    Fails unless no cluster holds ``key``: the ``local_regions`` topology when the test uses it,
    else the config's. A cluster that cannot be read is a failure, not a pass.
    """
    from .cache.assertions import assert_invalidated_everywhere

    def check(key: str, regions: tuple[Region, ...] | None = None, namespace: str = "org:cache") -> None:
        topology = regions
        if topology is None and "local_regions" in request.fixturenames:
            topology = request.getfixturevalue("local_regions").regions
        assert_invalidated_everywhere(key, topology if topology is not None else _config().regions, namespace)

    return check
