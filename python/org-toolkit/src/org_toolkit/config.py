"""Environment-aware timeouts and the region topology: the same settings as ``@org/config``.

>>> from org_toolkit import config
>>> requests.get(url, timeout=config.timeout_s)   # 5 / 30 / 60 s for ORG_ENV dev / staging / prod
>>> config.TIMEOUT                                 # the same, in milliseconds

The module reads ``os.environ`` on first access (ORG_ENV, ORG_TIMEOUT_MS, ORG_REGIONS,
ORG_CONFIG_FILE, ...) and keeps the result; ``load_config(env=...)`` builds one without globals.
A bad value raises :class:`ConfigError` listing every problem, each naming its source.
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ._load import load_raw
from ._secrets import redact_url
from .errors import ConfigError, ConfigIssue, ConfigWarning

__all__ = [
    "ENV",
    "TIMEOUT",
    "Cluster",
    "CacheSettings",
    "ConfigError",
    "ConfigIssue",
    "ConfigWarning",
    "OrgConfig",
    "Region",
    "Timeouts",
    "cache",
    "connect_timeout_s",
    "connection_url",
    "load_config",
    "redact_url",
    "regions",
    "reload",
    "requests_timeout",
    "timeout_s",
    "timeouts",
]

Environment = Literal["dev", "staging", "prod"]


@dataclass(frozen=True)
class Cluster:
    """One Redis cluster of a region. ``url`` is redacted; :func:`connection_url` gives the real one."""

    id: str
    url: str
    mode: Literal["standalone", "cluster"] = "standalone"
    seeds: tuple[str, ...] | None = None
    _real_url: str = field(default="", repr=False, compare=False)
    _real_seeds: tuple[str, ...] | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Region:
    """One region (``us-east-1``, ...) with its clusters."""

    id: str
    geo: str
    clusters: tuple[Cluster, ...]


@dataclass(frozen=True)
class Timeouts:
    """Named timeouts in milliseconds."""

    connect: int
    """TCP/TLS connect timeout; at most TIMEOUT (dev 2000, staging and prod 10000)."""
    call: int
    """Bound on one whole call with its retries: TIMEOUT x 3 unless set (dev 15000), one TIMEOUT inside ``test``."""
    test: int
    """One test's timeout: TIMEOUT x (1 + 3 retries) unless set (dev 20000)."""


@dataclass(frozen=True)
class CacheSettings:
    """Cache bounds in milliseconds (``maxTtlMs`` / ``opTimeoutMs`` in @org/config)."""

    max_ttl_ms: int
    op_timeout_ms: int


@dataclass(frozen=True)
class OrgConfig:
    """The loaded configuration: frozen, credentials redacted."""

    ENV: Environment
    TIMEOUT: int
    """Per-request network timeout in milliseconds: dev 5000, staging 30000, prod 60000."""
    timeouts: Timeouts
    regions: tuple[Region, ...]
    cache: CacheSettings

    @property
    def timeout_s(self) -> float:
        """TIMEOUT in seconds, for requests-style APIs (``timeout=config.timeout_s``)."""
        return self.TIMEOUT / 1000

    @property
    def connect_timeout_s(self) -> float:
        """timeouts.connect in seconds."""
        return self.timeouts.connect / 1000

    @property
    def requests_timeout(self) -> tuple[float, float]:
        """``(connect, read)`` in seconds, the tuple requests takes as ``timeout=``."""
        return (self.connect_timeout_s, self.timeout_s)

    def to_dict(self) -> dict[str, Any]:
        """The configuration as @org/config prints it (camelCase keys, URLs redacted)."""
        return {
            "ENV": self.ENV,
            "TIMEOUT": self.TIMEOUT,
            "timeouts": {"connect": self.timeouts.connect, "call": self.timeouts.call, "test": self.timeouts.test},
            "regions": [
                {
                    "id": region.id,
                    "geo": region.geo,
                    "clusters": [
                        {
                            "id": cluster.id,
                            "url": cluster.url,
                            "mode": cluster.mode,
                            **({"seeds": list(cluster.seeds)} if cluster.seeds is not None else {}),
                        }
                        for cluster in region.clusters
                    ],
                }
                for region in self.regions
            ],
            "cache": {"maxTtlMs": self.cache.max_ttl_ms, "opTimeoutMs": self.cache.op_timeout_ms},
        }


def connection_url(cluster: Cluster) -> str:
    """The URL to connect to a cluster with, credentials included. For Redis clients only: never log it."""
    return cluster._real_url or cluster.url


def load_config(
    env: Mapping[str, str] | None = None,
    file: str | None = None,
    values: Mapping[str, Any] | None = None,
) -> OrgConfig:
    """Builds a validated, frozen configuration.

    :param env: environment variables; ``os.environ`` when omitted.
    :param file: a JSON config file, in place of ``ORG_CONFIG_FILE``.
    :param values: settings as a config file would hold them, applied after the file.
    :raises ConfigError: listing every problem, each with its source.
    :warns ConfigWarning: for each region of the profile the config file leaves out through
        ``allowMissingRegions`` (what ``org-config validate`` prints as a warning).
    """
    raw, notes = load_raw(os.environ if env is None else env, file, values)
    for note in notes:
        warnings.warn(note, ConfigWarning, stacklevel=2)
    regions = tuple(
        Region(
            id=region["id"],
            geo=region["geo"],
            clusters=tuple(
                Cluster(
                    id=cluster["id"],
                    url=redact_url(cluster["url"]),
                    mode=cluster.get("mode", "standalone"),
                    seeds=tuple(redact_url(seed) for seed in cluster["seeds"]) if "seeds" in cluster else None,
                    _real_url=cluster["url"],
                    _real_seeds=tuple(cluster["seeds"]) if "seeds" in cluster else None,
                )
                for cluster in region["clusters"]
            ),
        )
        for region in raw["regions"]
    )
    return OrgConfig(
        ENV=raw["ENV"],
        TIMEOUT=raw["TIMEOUT"],
        timeouts=Timeouts(
            connect=raw["timeouts"]["connect"], call=raw["timeouts"]["call"], test=raw["timeouts"]["test"]
        ),
        regions=regions,
        cache=CacheSettings(max_ttl_ms=raw["cache"]["maxTtlMs"], op_timeout_ms=raw["cache"]["opTimeoutMs"]),
    )


def env_seconds(ms: int) -> int:
    """Whole seconds, rounded up, as ``org-config env`` prints them (ORG_TIMEOUT_S)."""
    return math.ceil(ms / 1000)


_current: OrgConfig | None = None


def current() -> OrgConfig:
    """The configuration of this process, read from ``os.environ`` on first use and then fixed."""
    global _current
    if _current is None:
        _current = load_config()
    return _current


def reload() -> OrgConfig:
    """Reads ``os.environ`` again (for tests and long-lived tools that change it on purpose)."""
    global _current
    _current = None
    return current()


_ATTRIBUTES = {
    "ENV",
    "TIMEOUT",
    "timeouts",
    "regions",
    "cache",
    "timeout_s",
    "connect_timeout_s",
    "requests_timeout",
}


def __getattr__(name: str) -> Any:
    # PEP 562: `config.TIMEOUT` is read on first access, not at import, so importing stays cheap
    # and a bad ORG_* variable fails where the value is first needed, naming the variable.
    if name in _ATTRIBUTES:
        return getattr(current(), name)
    raise AttributeError(f"module 'org_toolkit.config' has no attribute {name!r}")
