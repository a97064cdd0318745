"""What `pip install` of the built wheel gives a fresh virtualenv, with no Node on PATH."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

import pytest

from org_toolkit.config import current
from support import PACKAGE

# Making a virtualenv and installing into it is several tests' worth of work (ensurepip, index
# lookups, unpacking): three times the per-test budget, from the same config as every other test.
pytestmark = pytest.mark.timeout(current().timeouts.test * 3 / 1000)

PROBE = """
import json, sys
from org_toolkit import config
try:
    print(json.dumps({"TIMEOUT": config.TIMEOUT, "timeout_s": config.timeout_s, "test": config.timeouts.test}))
except config.ConfigError as error:
    print(json.dumps({"code": error.code, "issues": [[i.source, i.message] for i in error.issues]}))
    sys.exit(1)
"""


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wheel = os.environ.get("ORG_TOOLKIT_WHEEL") or str(next((PACKAGE / "dist").glob("*.whl")))
    target = tmp_path_factory.mktemp("fresh") / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / "bin" / "python"
    # This suite's pip installs into the fresh environment (--python): no ensurepip needed there.
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", wheel], check=True
    )
    return python


def _probe(python: Path, env: dict[str, str]) -> tuple[int, dict[str, Any]]:
    # Only the virtualenv on PATH: the config must not need Node (or anything else) at runtime.
    run = subprocess.run(
        [python, "-c", PROBE],
        env={"PATH": str(python.parent), **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.stdout, run.stderr
    return run.returncode, json.loads(run.stdout)


@pytest.mark.parametrize(
    ("org_env", "timeout_ms"), [("dev", 5000), ("staging", 30000), ("prod", 60000)]
)
def test_timeout_follows_org_env(fresh_python: Path, org_env: str, timeout_ms: int) -> None:
    code, answer = _probe(fresh_python, {"ORG_ENV": org_env})
    assert code == 0
    assert answer == {"TIMEOUT": timeout_ms, "timeout_s": timeout_ms / 1000, "test": timeout_ms * 4}


def test_refuses_what_org_config_refuses(fresh_python: Path) -> None:
    code, answer = _probe(fresh_python, {"ORG_TIMEOUT_MS": "30s", "ORG_ENV": "qa"})
    assert code == 1
    assert answer["code"] == "ORG_CONFIG_INVALID"
    assert answer["issues"] == [
        ["ORG_TIMEOUT_MS", 'must be a positive whole number of milliseconds, for example 30000 (got "30s")'],
        ["ORG_ENV", 'must be one of dev, staging, prod (got "qa")'],
    ]


def test_never_guesses_dev_in_production(fresh_python: Path) -> None:
    code, answer = _probe(fresh_python, {"NODE_ENV": "production"})
    assert code == 1
    assert [source for source, _ in answer["issues"]] == ["ORG_ENV"]


def test_the_wheel_is_typed_and_registers_the_pytest_plugin(fresh_python: Path) -> None:
    run = subprocess.run(
        [
            fresh_python,
            "-c",
            "import importlib.metadata as m, importlib.resources as r;"
            "print([e.value for e in m.entry_points(group='pytest11') if e.name == 'org_toolkit']);"
            "print(r.files('org_toolkit').joinpath('py.typed').is_file())",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.split("\n")[:2] == ["['org_toolkit.pytest_plugin']", "True"]
    assert sys.version_info >= (3, 11)
