import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** An environment for child tools without this vitest's own variables, CI markers or store. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(VITEST|NODE_OPTIONS|CI$|GITHUB_|GITLAB_|ORG_FLAKY_|ORG_ENV|TEST$|GIT_DIR|GIT_INDEX)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", FORCE_COLOR: "0", ...extra };
}

// Deliberately flaky suites whose flakiness is a function of RUN_INDEX (and of the attempt, for
// retries): never of randomness or timing, so every count below is known in advance.
const AI_VITEST = `const run = Number(process.env.RUN_INDEX ?? 0);
let attempts = 0;

describe("proxy", () => {
  it("forwards the API key", () => {
    attempts++;
    // odd runs: the first attempt fails, a retry passes
    if (run % 2 === 1 && attempts === 1) throw new Error("expected status 200, got 503");
  });

  it("parses the key header", () => {
    expect("Bearer k_1".split(" ")[1]).toBe("k_1");
  });

  it("builds the request URL", () => {
    expect(new URL("https://proxy.example/request").pathname).toBe("/request");
  });
});
`;

const HUMAN_VITEST = `const run = Number(process.env.RUN_INDEX ?? 0);
const equal = process.env.FLAKE_PROFILE === "equal";

describe("cache", () => {
  it("evicts the oldest entry", () => {
    // run 2 only; with FLAKE_PROFILE=equal, odd runs (as often as the AI tests flake)
    expect((equal ? run % 2 === 1 : run === 2) ? 2 : 1).toBe(1);
  });

  it("keeps fresh entries", () => {
    expect([1, 2].includes(2)).toBe(true);
  });

  it("counts hits", () => {
    expect(1 + 1).toBe(2);
  });
});
`;

const AI_PYTEST = `import os

RUN = int(os.environ.get("RUN_INDEX", "0"))


def staging_get(url, timeout):
    # Stands in for requests.get against staging: odd runs answer after the deadline.
    if RUN % 2 == 1:
        raise TimeoutError(f"staging proxy did not answer within {timeout} s")
    return 200


def test_proxy_request_via_api_key():
    status = staging_get("https://staging-proxy.company.com/request", timeout=5)
    assert status == 200


class TestKeys:
    def test_key_format(self):
        assert "k_123".startswith("k_")
`;

const AI_TRAILER_PYTEST = `def test_revocation_payload():
    payload = {"id": "k_1", "status": "revoked"}
    assert payload["status"] == "revoked"
`;

const HUMAN_PYTEST = `import os

RUN = int(os.environ.get("RUN_INDEX", "0"))
EQUAL = os.environ.get("FLAKE_PROFILE") == "equal"


def test_cache_ttl_is_bounded():
    # with FLAKE_PROFILE=equal, runs 2 and 4 read a TTL past the bound
    ttl = 600_000 if EQUAL and RUN in (2, 4) else 300_000
    assert ttl <= 300_000


def test_cache_key_format():
    assert "api_key:%s:status" % "k_1" == "api_key:k_1:status"
`;

/** The test ids of the fixture, by origin (what a correct report must say). */
export const FIXTURE_ORIGINS: Record<string, "ai" | "human"> = {
  "test/ai/proxy.test.ts::proxy > forwards the API key": "ai",
  "test/ai/proxy.test.ts::proxy > parses the key header": "ai",
  "test/ai/proxy.test.ts::proxy > builds the request URL": "ai",
  "test/human/cache.test.ts::cache > evicts the oldest entry": "human",
  "test/human/cache.test.ts::cache > keeps fresh entries": "human",
  "test/human/cache.test.ts::cache > counts hits": "human",
  "tests/test_ai_proxy.py::test_proxy_request_via_api_key": "ai",
  "tests/test_ai_proxy.py::TestKeys::test_key_format": "ai",
  "tests/test_ai_trailer.py::test_revocation_payload": "ai",
  "tests/test_human_cache.py::test_cache_ttl_is_bounded": "human",
  "tests/test_human_cache.py::test_cache_key_format": "human",
};

export interface FlakyRepo {
  dir: string;
  /** Where reports are written (outside the repository). */
  out: string;
  commit: string;
  /** Runs the real vitest on the suite; returns the JUnit file (or "" with `reporter`). */
  vitest(run: number, options?: { retry?: number; reporter?: string; env?: Record<string, string> }): string;
  /** Runs the real pytest; returns the JUnit file in the given xunit family. */
  pytest(run: number, family: "xunit1" | "xunit2", env?: Record<string, string>): string;
  remove(): void;
}

const vitestBin = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");

/**
 * A git repository whose test files were written in AI-assisted commits (`[AI-ASSISTED]` subject,
 * `AI-Assisted: yes` trailer) and human ones, with a vitest and a pytest suite.
 */
export function createFlakyRepo(python: string): FlakyRepo {
  const dir = mkdtempSync(join(tmpdir(), "org-flaky-repo-"));
  const out = mkdtempSync(join(tmpdir(), "org-flaky-out-"));
  const env = cleanEnv();
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env, encoding: "utf8" }).trim();
  let clock = Date.parse("2026-07-01T09:00:00Z");
  const commit = (files: Record<string, string>, message: string, author: string) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
      git("add", path);
    }
    clock += 60_000;
    const when = new Date(clock).toISOString();
    execFileSync(
      "git",
      [
        "-c",
        "user.name=Committer",
        "-c",
        "user.email=committer@example.com",
        "commit",
        "-q",
        "--author",
        author,
        "-F",
        "-",
      ],
      {
        cwd: dir,
        env: { ...env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
        input: message,
      },
    );
  };
  git("init", "-q", "-b", "main");
  commit({ "README.md": "fixture\n" }, "Initial commit", "Dev Human <dev@example.com>");
  commit(
    { "test/ai/proxy.test.ts": AI_VITEST, "tests/test_ai_proxy.py": AI_PYTEST },
    "[AI-ASSISTED] Add proxy tests\n",
    "Dev Human <dev@example.com>",
  );
  commit(
    { "test/human/cache.test.ts": HUMAN_VITEST, "tests/test_human_cache.py": HUMAN_PYTEST },
    "Add cache tests\n",
    "Dev Human <dev@example.com>",
  );
  commit(
    { "tests/test_ai_trailer.py": AI_TRAILER_PYTEST },
    "Add revocation payload test\n\nAI-Assisted: yes\n",
    "Dev Human <dev@example.com>",
  );
  const head = git("rev-parse", "HEAD");
  return {
    dir,
    out,
    commit: head,
    vitest(run, options = {}) {
      const profile = options.env?.FLAKE_PROFILE ? `-${options.env.FLAKE_PROFILE}` : "";
      const file = join(out, `vitest-${run}${options.retry ? "-retry" : ""}${profile}.xml`);
      const reporters = options.reporter
        ? [`--reporter=${options.reporter}`]
        : ["--reporter=junit", `--outputFile=${file}`];
      const result = spawnSync(
        process.execPath,
        [
          vitestBin,
          "run",
          "--root",
          dir,
          "--globals",
          "--no-color",
          ...reporters,
          ...(options.retry ? [`--retry=${options.retry}`] : []),
        ],
        { cwd: dir, env: cleanEnv({ RUN_INDEX: String(run), ...options.env }), encoding: "utf8" },
      );
      if (result.status !== 0 && result.status !== 1)
        throw new Error(`vitest failed to run: ${result.stderr}${result.stdout}`);
      if (options.reporter && result.status !== 0 && !/recorded/.test(result.stdout))
        throw new Error(`vitest reporter run failed: ${result.stderr}${result.stdout}`);
      return options.reporter ? "" : file;
    },
    pytest(run, family, extraEnv = {}) {
      const profile = extraEnv.FLAKE_PROFILE ? `-${extraEnv.FLAKE_PROFILE}` : "";
      const file = join(out, `pytest-${run}-${family}${profile}.xml`);
      const result = spawnSync(
        python,
        [
          "-m",
          "pytest",
          "-q",
          "--color=no",
          "-p",
          "no:cacheprovider",
          `--junitxml=${file}`,
          "-o",
          `junit_family=${family}`,
          "tests",
        ],
        {
          cwd: dir,
          env: cleanEnv({ RUN_INDEX: String(run), PYTHONDONTWRITEBYTECODE: "1", ...extraEnv }),
          encoding: "utf8",
        },
      );
      if (result.status !== 0 && result.status !== 1)
        throw new Error(`pytest failed to run: ${result.stderr}${result.stdout}`);
      return file;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    },
  };
}
