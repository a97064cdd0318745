// The configuration conformance cases (python/org-toolkit/conformance/config/cases.json, see its
// README), run against loadConfig. org_toolkit.config runs the same file, so the two cannot drift.
// ORG_CONFORMANCE_WRITE=1 records what loadConfig answers as each case's `expect` instead of checking.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, type ConfigIssue } from "../src/errors.ts";
import { resolveConfig } from "../src/load.ts";
import { PROFILES } from "../src/profiles.ts";

type FileSpec =
  | { text: string }
  | { json: unknown }
  | { base64: string }
  | { repeat: string; times: number }
  | { dir: true }
  | { fifo: true };
interface Case {
  name: string;
  env: Record<string, string>;
  expect?: { config: Record<string, unknown>; warnings?: string[] } | { error: string; issues: ConfigIssue[] };
}
interface Cases {
  about: string;
  files: Record<string, FileSpec>;
  cases: Case[];
}

const casesPath = fileURLToPath(new URL("../../../python/org-toolkit/conformance/config/cases.json", import.meta.url));
const suite = JSON.parse(readFileSync(casesPath, "utf8")) as Cases;
const WRITE = process.env.ORG_CONFORMANCE_WRITE === "1";

const dir = mkdtempSync(join(tmpdir(), "org-config-conformance-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const [name, spec] of Object.entries(suite.files)) {
  const path = join(dir, name);
  if ("text" in spec) writeFileSync(path, spec.text);
  else if ("json" in spec) writeFileSync(path, JSON.stringify(spec.json));
  else if ("base64" in spec) writeFileSync(path, Buffer.from(spec.base64, "base64"));
  else if ("repeat" in spec) writeFileSync(path, spec.repeat.repeat(spec.times));
  else if ("dir" in spec) mkdirSync(path);
  else if (spawnSync("mkfifo", [path]).status !== 0) throw new Error(`mkfifo ${path} failed`);
}

const withDir = (text: string) => text.replaceAll("{dir}", dir);
const withoutDir = (text: string) => text.replaceAll(dir, "{dir}");

/** What loadConfig answers, in the cases file's terms: the config (regions named "profile" when unchanged) or the issues. */
function answer(env: Record<string, string>): NonNullable<Case["expect"]> {
  try {
    const { config, warnings } = resolveConfig({
      env: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, withDir(v)])),
    });
    const plain = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
    delete plain.topology;
    const profile = JSON.parse(JSON.stringify(PROFILES[config.ENV].regions)) as unknown;
    if (JSON.stringify(plain.regions) === JSON.stringify(profile)) plain.regions = "profile";
    return { config: plain, ...(warnings.length > 0 ? { warnings: [...warnings] } : {}) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return {
      error: error.code,
      issues: error.issues.map(({ source, key, message }) => ({
        source: withoutDir(source),
        key,
        message: withoutDir(message),
      })),
    };
  }
}

describe("configuration conformance cases", () => {
  if (WRITE) {
    it("records loadConfig's answers as the cases' expectations", () => {
      for (const testCase of suite.cases) testCase.expect = answer(testCase.env);
      writeFileSync(casesPath, `${JSON.stringify(suite, null, 2)}\n`);
    });
    return;
  }

  it.each(suite.cases.map((c) => [c.name, c] as const))("%s", (_name, testCase) => {
    expect(testCase.expect, "run with ORG_CONFORMANCE_WRITE=1 to record it").toBeDefined();
    expect(answer(testCase.env)).toEqual(testCase.expect);
  });

  it("covers refusals and successes", () => {
    const refused = suite.cases.filter((c) => c.expect && "error" in c.expect).length;
    expect(refused).toBeGreaterThanOrEqual(40);
    expect(suite.cases.length - refused).toBeGreaterThanOrEqual(8);
  });
});
