"""org-guard through the pre-commit framework, installed for real: pre-commit from PyPI (this suite's
virtualenv), the hook from a local clone of this repository at its pre-commit-v<version> tag, and
@org/guard from the project's own registry (scripts/registry.mjs, Verdaccio, set as @org:registry in
~/.npmrc as a user would), everything else from npm's registry."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from org_toolkit.config import current
from support import REPO, TESTS, require_tool

# Starting the registry (Verdaccio, publishing @org/guard) and installing the hook environment (an
# `npm install -g` with oxc-parser and tree-sitter, plus pre-commit's own setup): several tests' worth
# of work, from the same per-test budget as the rest. A hang guard, not a speed claim.
pytestmark = pytest.mark.timeout(current().timeouts.test * 10 / 1000)

SEED_TEST = '''import requests


def test_proxy_request_via_api_key(api_key):
    response = requests.get(
        "https://staging-proxy.company.com/request",
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=5,
    )
    assert response.status_code == 200
'''
FIXED_TEST = (TESTS / "guide" / "test_proxy_request.py").read_text()


@contextmanager
def project_registry(node: str, work: Path) -> Iterator[dict[str, str]]:
    """The project's own registry (scripts/registry.mjs: Verdaccio, @org/guard and the @org packages it
    depends on published by `pnpm publish` as a release does, other packages proxied), started once
    for this file."""
    log = (work / "registry.log").open("w")
    server = subprocess.Popen(
        [node, str(REPO / "scripts" / "registry.mjs"), "--only", "@org/guard"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        start_new_session=True,  # its own process group: Verdaccio and any publish still running stop with it
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()  # one JSON line once everything is published; pytest-timeout bounds it
        if not line:
            server.wait()
            pytest.fail(
                f"scripts/registry.mjs exited ({server.returncode}) before serving:\n{(work / 'registry.log').read_text()}",
                pytrace=False,
            )
        yield json.loads(line)
    finally:
        # registry.mjs stops Verdaccio and removes its storage on SIGTERM; the group also covers a
        # publish interrupted by a timeout.
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
        log.close()


@pytest.fixture(scope="module")
def hook_env(tmp_path_factory: pytest.TempPathFactory, node: str) -> Iterator[dict[str, str]]:
    require_tool("npm", "npm, with Node >= 20.19")
    git = require_tool("git", "apt-get install git")
    work = tmp_path_factory.mktemp("pre-commit")
    if not (REPO / "packages" / "guard" / "dist").is_dir():
        pytest.fail("packages/guard is not built (the test command builds it first)", pytrace=False)
    with project_registry(node, work) as registry:
        guard = next(p for p in registry["published"] if p.startswith("@org/guard@"))
        version = guard.rsplit("@", 1)[1]
        # The hook's repository: a local clone of this one, tagged the way a release tags it.
        clone = work / "org-monorepo"
        subprocess.run([git, "clone", "--quiet", "--no-checkout", str(REPO), str(clone)], check=True)
        subprocess.run(
            [node, str(REPO / "scripts" / "pre-commit-hook.mjs"), "--tag", "--repo", str(clone)],
            check=True,
            capture_output=True,
        )
        # Where a developer puts a private scope's registry: ~/.npmrc (pre-commit unsets NPM_CONFIG_USERCONFIG).
        home = work / "home"
        home.mkdir()
        (home / ".npmrc").write_text(f"@org:registry={registry['url']}\n")
        env = {
            **{k: v for k, v in os.environ.items() if k.upper() != "NPM_CONFIG_USERCONFIG"},
            "HOME": str(home),
            "NPM_CONFIG_CACHE": os.environ.get("NPM_CONFIG_CACHE", str(Path.home() / ".npm")),
            "PRE_COMMIT_HOME": str(work / "pre-commit-home"),
            "NPM_CONFIG_PREFER_ONLINE": "true",
            "GIT_AUTHOR_NAME": "Dev",
            "GIT_AUTHOR_EMAIL": "dev@example.invalid",
            "GIT_COMMITTER_NAME": "Dev",
            "GIT_COMMITTER_EMAIL": "dev@example.invalid",
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "ORG_HOOK_REPO": f"file://{clone}",
            "ORG_HOOK_REV": f"pre-commit-v{version}",
        }
        yield env


def _run(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_the_hook_refuses_the_seed_test_and_passes_the_fixed_one(hook_env: dict[str, str], tmp_path: Path) -> None:
    repo = tmp_path / "service"
    repo.mkdir()
    git = shutil.which("git") or "git"
    assert _run(hook_env, repo, git, "init", "--quiet").returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_env['ORG_HOOK_REPO']}\n    rev: {hook_env['ORG_HOOK_REV']}\n    hooks:\n      - id: org-guard\n"
    )
    # A violation committed before the hook was adopted: only --all-files sees it.
    (repo / "test_legacy.py").write_text(SEED_TEST)
    _run(hook_env, repo, git, "add", ".")
    assert _run(hook_env, repo, git, "commit", "--quiet", "-m", "before the hook").returncode == 0

    pre_commit = [sys.executable, "-m", "pre_commit"]
    installed = _run(hook_env, repo, *pre_commit, "install")
    assert installed.returncode == 0, installed.stderr

    everything = _run(hook_env, repo, *pre_commit, "run", "--all-files")
    assert everything.returncode == 1, everything.stdout + everything.stderr
    assert "test_legacy.py:8" in everything.stdout and "no-hardcoded-timeout" in everything.stdout

    # A commit that adds the seed's test is refused, naming the file and the rule.
    (repo / "test_proxy.py").write_text(SEED_TEST)
    _run(hook_env, repo, git, "add", "test_proxy.py")
    refused = _run(hook_env, repo, git, "commit", "-m", "add the seed's test")
    assert refused.returncode != 0
    assert "test_proxy.py:8" in refused.stdout + refused.stderr
    assert "test_legacy.py" not in refused.stdout + refused.stderr  # with filenames: only what is committed

    # The fixed test (the docs' Python guide) passes.
    (repo / "test_proxy.py").write_text(FIXED_TEST)
    _run(hook_env, repo, git, "add", "test_proxy.py")
    passed = _run(hook_env, repo, git, "commit", "-m", "add the fixed test")
    assert passed.returncode == 0, passed.stdout + passed.stderr

    # Fixing the legacy file makes --all-files pass.
    (repo / "test_legacy.py").write_text(FIXED_TEST)
    _run(hook_env, repo, git, "commit", "--quiet", "-am", "fix the legacy test")
    clean = _run(hook_env, repo, *pre_commit, "run", "--all-files")
    assert clean.returncode == 0, clean.stdout + clean.stderr
