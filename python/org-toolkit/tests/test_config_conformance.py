"""The configuration conformance cases (conformance/config/cases.json), run against org_toolkit.config.

@org/config's loadConfig wrote each case's ``expect`` and runs the same file
(packages/config/test/conformance.test.ts), so the two implementations cannot drift: the same
config and warnings, or the same refusal with the same issues, sources and messages, JSON parse
positions included.
"""

from __future__ import annotations

import base64
import json
import os
import warnings
from pathlib import Path
from typing import Any

import pytest

from support import PACKAGE
from org_toolkit import config as org_config
from org_toolkit._spec import spec

SUITE = json.loads((PACKAGE / "conformance" / "config" / "cases.json").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = SUITE["cases"]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("config-conformance")
    for name, content in SUITE["files"].items():
        path = root / name
        if "text" in content:
            path.write_bytes(content["text"].encode("utf-8", "surrogatepass"))
        elif "json" in content:
            path.write_text(json.dumps(content["json"], separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
        elif "base64" in content:
            path.write_bytes(base64.b64decode(content["base64"]))
        elif "repeat" in content:
            path.write_text(content["repeat"] * content["times"], encoding="utf-8")
        elif "dir" in content:
            path.mkdir()
        else:
            os.mkfifo(path)
    return root


def answer(env: dict[str, str], root: Path) -> dict[str, Any]:
    """What org_toolkit.config answers, in the cases file's terms (as the TypeScript runner writes them)."""
    where = str(root)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            loaded = org_config.load_config(env={k: v.replace("{dir}", where) for k, v in env.items()})
    except org_config.ConfigError as error:
        return {
            "error": error.code,
            "issues": [
                {"source": i.source.replace(where, "{dir}"), "key": i.key, "message": i.message.replace(where, "{dir}")}
                for i in error.issues
            ],
        }
    plain = loaded.to_dict()
    if plain["regions"] == spec()["profiles"][loaded.ENV]["regions"]:
        plain["regions"] = "profile"
    notes = [str(w.message) for w in caught if issubclass(w.category, org_config.ConfigWarning)]
    return {"config": plain, **({"warnings": notes} if notes else {})}


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_org_toolkit_config_answers_as_recorded(case: dict[str, Any], files: Path) -> None:
    assert answer(case["env"], files) == case["expect"]


def test_the_cases_cover_refusals_and_successes() -> None:
    refused = [case for case in CASES if "error" in case["expect"]]
    assert len(refused) >= 40 and len(CASES) - len(refused) >= 8
    assert {case["expect"]["error"] for case in refused} == {org_config.ConfigError.code}
