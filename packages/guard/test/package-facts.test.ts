import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, packageFacts } from "../src/index.ts";
import { git, guard, tempRepo, tempTree } from "./helpers.ts";

// Packages whose waits read settings written in another of their files. In test/corpus/packages/<name>, a trailing
// `expect: <rule>` comment marks each line that must be flagged when the file is checked with its package's facts.
const root = join(import.meta.dirname, "corpus/packages");
const config = defaultGuardConfig(root);

function filesOf(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

const expected = (files: { path: string; text: string }[]) =>
  files.flatMap(({ path, text }) =>
    text.split("\n").flatMap((line, index) => {
      const marker = /expect: ([a-z-]+)/.exec(line);
      return marker ? [`${relative(root, path)}:${index + 1}: ${marker[1]}`] : [];
    }),
  );

async function found(files: { path: string; text: string }[], facts?: ReturnType<typeof packageFacts>) {
  const out: string[] = [];
  for (const { path, text } of files) {
    const result = await checkSource(path, text, config, facts);
    out.push(...result.messages.map((m) => `${relative(root, path)}:${m.line}: ${m.ruleId}`));
  }
  return out.sort();
}

describe("package facts: settings that reach a wait in another file of the package", () => {
  for (const name of readdirSync(root).sort()) {
    const files = filesOf(join(root, name));

    it(`${name}: every expected finding with the package's facts, nothing else`, async () => {
      expect(
        await found(
          files,
          packageFacts(
            files.map((file) => [file.path, file.text] as const),
            config,
          ),
        ),
      ).toEqual(expected(files).sort());
    });

    it(`${name}: judged file by file, the defaults whose wait is elsewhere are missed`, async () => {
      const alone = await found(files);
      expect(expected(files).filter((line) => !alone.includes(line)).length).toBeGreaterThan(0);
    });
  }
});

describe("org-guard check: each file with its package's facts", () => {
  const defaults = "module.exports = {\n  socketTimeoutMS: 0,\n};\n";
  const connection = [
    "exports.connect = (socket, options) => {",
    "  if (options.socketTimeoutMS > 0) setTimeout(() => socket.destroy(), options.socketTimeoutMS);",
    "};",
    "",
  ].join("\n");
  const unbounded = async (cwd: string, ...argv: string[]) => {
    const result = await guard(cwd, "check", ...argv, "--format", "json");
    return (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[]).flatMap(
      (file) => file.messages.map((m) => `${relative(cwd, file.filePath)}:${m.line}: ${m.ruleId}`),
    );
  };

  it("a whole tree: a default is judged with the waits in the other files of its package", async () => {
    const tree = tempTree({
      "package.json": '{ "name": "driver" }',
      "defaults.js": defaults,
      "connection.js": connection,
    });
    expect(await unbounded(tree, ".")).toEqual(["defaults.js:2: no-unbounded-timeout"]);
  });

  it("outside any package (no package.json with a name) each file is judged alone", async () => {
    const tree = tempTree({
      "package.json": '{ "type": "module" }',
      "defaults.js": defaults,
      "connection.js": connection,
    });
    expect(await unbounded(tree, ".")).toEqual([]);
  });

  it("a commit: the staged default is judged with the rest of its package, read from the working tree", async () => {
    const repo = tempRepo({ "pkg/package.json": '{ "name": "driver" }', "pkg/defaults.js": defaults });
    writeFileSync(join(repo, "pkg/connection.js"), connection);
    git(repo, "add", "pkg/defaults.js");
    expect(await unbounded(repo, "--staged")).toEqual(["pkg/defaults.js:2: no-unbounded-timeout"]);
  });
});
