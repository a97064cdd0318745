import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, type PackageFacts, pythonPackageFacts } from "../src/index.ts";
import { tempTree } from "./helpers.ts";

// Python packages with settings nothing in the package reads (a module constant, a class attribute, a field). In
// test/corpus/python-unread/<name>, a trailing `# expect: <rule>` marks each line that must be flagged when the file is
// checked with its package's facts; without them nothing is known to be unread.
const root = join(import.meta.dirname, "corpus/python-unread");
const config = defaultGuardConfig(root);

function filesOf(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".py"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

const expected = (files: { path: string; text: string }[]) =>
  files.flatMap(({ path, text }) =>
    text.split("\n").flatMap((line, index) => {
      const marker = /# expect: ([a-z-]+)/.exec(line);
      return marker ? [`${relative(root, path)}:${index + 1}: ${marker[1]}`] : [];
    }),
  );

async function found(files: { path: string; text: string }[], facts?: PackageFacts) {
  const out: string[] = [];
  for (const { path, text } of files) {
    const result = await checkSource(path, text, config, facts);
    out.push(...result.messages.map((m) => `${relative(root, path)}:${m.line}: ${m.ruleId}`));
  }
  return out.sort();
}

const factsOf = async (files: { path: string; text: string }[]): Promise<PackageFacts> => ({
  zero: new Set(),
  infinite: new Set(),
  inert: new Set(),
  python: await pythonPackageFacts(
    files.map((file) => [file.path, file.text] as const),
    config,
  ),
});

describe("Python package facts: settings nothing in the package reads", () => {
  for (const name of readdirSync(root).sort()) {
    const files = filesOf(join(root, name));

    it(`${name}: every expected finding with the package's facts, nothing else`, async () => {
      expect(await found(files, await factsOf(files))).toEqual(expected(files).sort());
    });

    it(`${name}: judged file by file, the unread settings are reported (nothing is known to be unread)`, async () => {
      const alone = await found(files);
      const expectedLines = expected(files);
      expect(expectedLines.every((line) => alone.includes(line))).toBe(true);
      expect(alone.length).toBeGreaterThan(expectedLines.length);
    });
  }
});

describe("the built CLI: what nothing reads is decided by the whole package, whatever files the run names", () => {
  const files: Record<string, string> = { "pyproject.toml": "[project]\nname = 'unread'\n" };
  for (const { path, text } of filesOf(join(root, "unread"))) files[relative(join(root, "unread"), path)] = text;
  const check = (...paths: string[]) =>
    spawnSync(process.execPath, [join(import.meta.dirname, "../bin/org-guard.js"), "check", ...paths], {
      cwd: tempTree(files),
      encoding: "utf8",
    });

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
});
