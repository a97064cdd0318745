"""Fixtures for org-toolkit's own tests (the plugin under test is loaded from the installed wheel)."""

from __future__ import annotations

import pytest

from support import require_tool

pytest_plugins = ["pytester"]


@pytest.fixture(scope="session")
def node() -> str:
    return require_tool("node", "Node >= 20.19")
