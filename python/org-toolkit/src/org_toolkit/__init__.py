"""org-toolkit: @org's timeouts, harness client, per-region tests and broadcast invalidation for Python.

- ``org_toolkit.config``: ``config.TIMEOUT`` (ms) and ``config.timeout_s`` from ORG_ENV, as @org/config.
- ``org_toolkit.http``: ``StagingSession``, requests with the config's timeouts and retries.
- ``org_toolkit.cache``: ``RegionalCache.invalidate``, a broadcast to every cluster (the @org/cache-client protocol).
- ``org_toolkit.pytest_plugin``: ``@pytest.mark.regions``, ``local_regions``, ``expect_invalidated_everywhere``.
"""

from ._version import __version__

__all__ = ["__version__"]
