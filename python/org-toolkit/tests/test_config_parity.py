"""org_toolkit.config answers exactly as @org/config does: the same config, or the same issues.

The inputs (tests/config_cases.json) run through both; any drift in the generated spec, the
precedence or a message fails here.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from support import TESTS
from org_toolkit import config as org_config

CASES = json.loads((TESTS / "config_cases.json").read_text())


def _materialise(tmp: Path) -> list[dict[str, Any]]:
    for name, content in CASES["files"].items():
        (tmp / name).write_text(content if isinstance(content, str) else json.dumps(content))
    return [
        {"name": case["name"], "env": {k: v.replace("{dir}", str(tmp)) for k, v in case["env"].items()}}
        for case in CASES["cases"]
    ]


def _python(env: dict[str, str]) -> dict[str, Any]:
    try:
        return {"ok": org_config.load_config(env=env).to_dict()}
    except org_config.ConfigError as error:
        return {"issues": [{"source": i.source, "key": i.key, "message": i.message} for i in error.issues]}


# The JSON parsers' own wording differs between V8 and CPython; what is refused and where must not.
_PARSER_DETAIL = re.compile(r"(is not valid JSON)[ :(].*$")


def _normalise(result: dict[str, Any]) -> dict[str, Any]:
    if "issues" in result:
        return {"issues": [{**i, "message": _PARSER_DETAIL.sub(r"\1", i["message"])} for i in result["issues"]]}
    return result


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory, node: str) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    tmp = tmp_path_factory.mktemp("config-cases")
    cases = _materialise(tmp)
    run = subprocess.run(
        [node, str(TESTS / "node" / "load_config.mjs")],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, f"@org/config's loadConfig could not run: {run.stderr}"
    node_results = json.loads(run.stdout)
    return [(case["name"], _python(case["env"]), result) for case, result in zip(cases, node_results, strict=True)]


@pytest.mark.parametrize("index", range(len(CASES["cases"])), ids=[c["name"] for c in CASES["cases"]])
def test_python_and_typescript_answer_alike(answers: list[tuple[str, dict[str, Any], dict[str, Any]]], index: int) -> None:
    _, python, typescript = answers[index]
    assert _normalise(python) == _normalise(typescript)


def test_the_cases_cover_refusals_and_successes(answers: list[tuple[str, dict[str, Any], dict[str, Any]]]) -> None:
    refused = sum(1 for _, _, ts in answers if "issues" in ts)
    assert refused >= 15 and len(answers) - refused >= 5
