"""Paths and tool lookups shared by org-toolkit's own tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
PACKAGE = TESTS.parent
REPO = PACKAGE.parent.parent
CI = os.environ.get("CI") in ("true", "1")


def require_tool(name: str, install: str) -> str:
    """The tool's path; a failure under CI=true, a skip with the install hint elsewhere."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed ({install})"
        if CI:
            pytest.fail(f"{message}; CI=true needs it", pytrace=False)
        pytest.skip(message)
    return path
