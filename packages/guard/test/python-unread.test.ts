import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultGuardConfig } from "../src/index.ts";
import { builtCli, corpusPackage, tempTree } from "./helpers.ts";
import { BUILT_CLI_TIMEOUT } from "./profile.ts";
import { isPython } from "../src/extensions.ts";

// Python packages with settings nothing in the package reads (a module constant, a class attribute, a field). In
// test/corpus/python-unread/<name>, a trailing `# expect: <rule>` marks each line that must be flagged when the file is
// checked with its package's facts; without them nothing is known to be unread.
const root = join(import.meta.dirname, "corpus/python-unread");
const config = defaultGuardConfig(root);

describe("Python package facts: settings nothing in the package reads", () => {
  for (const name of readdirSync(root).sort()) {
    const { expected, found, facts } = corpusPackage(root, join(root, name), isPython, config);

    it(`${name}: every expected finding with the package's facts, nothing else`, async () => {
      expect(await found(await facts())).toEqual(expected);
    });

    it(`${name}: judged file by file, the unread settings are reported (nothing is known to be unread)`, async () => {
      const alone = await found();
      expect(expected.every((line) => alone.includes(line))).toBe(true);
      expect(alone.length).toBeGreaterThan(expected.length);
    });
  }
});

describe(
  "the built CLI: what nothing reads is decided by the whole package, whatever files the run names",
  { timeout: BUILT_CLI_TIMEOUT },
  () => {
    const files: Record<string, string> = { "pyproject.toml": "[project]\nname = 'unread'\n" };
    for (const { path, text } of corpusPackage(root, join(root, "unread"), isPython, config).files)
      files[relative(join(root, "unread"), path)] = text;
    const check = (...paths: string[]) => builtCli(tempTree(files), "check", ...paths);

    it("a constant another module reads is reported when its file is checked alone", () => {
      const alone = check("unread/constants.py");
      expect(alone.status).toBe(1);
      expect(alone.stdout).toMatch(/constants\.py:8:\d+\s+error .* READ_TIMEOUT/);
    });

    it("a constant nothing reads is not reported when its file is checked alone", () => {
      const alone = check("unread/constants.py");
      expect(alone.stdout).toMatch(/constants\.py:8:\d+/);
      expect(alone.stdout).not.toMatch(/constants\.py:4:\d+/);
    });
  },
);
