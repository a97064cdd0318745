"""The shipped profiles, schema and version are exactly what @org/config says today."""

from __future__ import annotations

import json
import subprocess
from importlib import resources

import org_toolkit
from support import PACKAGE, REPO

GENERATE = """
import { buildSpec, orgVersion, pep440 } from "./scripts/generate.mjs";
process.stdout.write(JSON.stringify({ spec: await buildSpec(), version: pep440(orgVersion()) }));
"""


def _fresh(node: str) -> dict[str, object]:
    run = subprocess.run(
        [node, "--input-type=module", "-e", GENERATE], cwd=PACKAGE, capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(run.stdout)
    return result


def test_the_shipped_spec_matches_org_config(node: str) -> None:
    shipped = json.loads(resources.files("org_toolkit").joinpath("_spec.json").read_text())
    assert shipped == _fresh(node)["spec"], "rebuild org-toolkit: @org/config changed since the wheel was built"


def test_the_version_is_the_org_packages_version(node: str) -> None:
    versions = {
        json.loads((REPO / "packages" / name / "package.json").read_text())["version"]
        for name in ("config", "http", "cache-client", "guard")
    }
    assert len(versions) == 1
    assert org_toolkit.__version__ == _fresh(node)["version"]


def test_the_spec_holds_the_documented_timeouts() -> None:
    shipped = json.loads(resources.files("org_toolkit").joinpath("_spec.json").read_text())
    assert {env: p["TIMEOUT"] for env, p in shipped["profiles"].items()} == {
        "dev": 5000,
        "staging": 30000,
        "prod": 60000,
    }
