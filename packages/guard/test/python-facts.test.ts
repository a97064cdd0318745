import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, type PackageFacts, pythonPackageFacts } from "../src/index.ts";
import { git, guard, tempRepo, tempTree } from "./helpers.ts";

// Python packages whose objects keep a "no limit" through a class or function of another module (stomp's
// `StompConnection11(timeout=None)` -> `transport.Transport`, aiodogstatsd's middleware factory -> `Client`). In
// test/corpus/python-packages/<name>, a trailing `# expect: <rule>` marks each line that must be flagged when the file
// is checked with its package's facts.
const root = join(import.meta.dirname, "corpus/python-packages");
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

describe("Python package facts: a no limit kept through another module of the package", () => {
  for (const name of readdirSync(root).sort()) {
    const files = filesOf(join(root, name));

    it(`${name}: every expected finding with the package's facts, nothing else`, async () => {
      expect(await found(files, await factsOf(files))).toEqual(expected(files).sort());
    });

    it(`${name}: judged file by file, the defaults kept in another module are missed`, async () => {
      const alone = await found(files);
      expect(expected(files).filter((line) => !alone.includes(line)).length).toBeGreaterThan(0);
    });
  }

  it("counts the files that mention each timeout-looking word", async () => {
    const facts = await pythonPackageFacts(
      [
        ["pkg/a.py", "SOCKET_TIMEOUT = 5\nx = 'read_timeout'\n"],
        ["pkg/b.py", "from .a import SOCKET_TIMEOUT\ny = SOCKET_TIMEOUT\n"],
      ],
      config,
    );
    expect(facts?.words).toEqual({ SOCKET_TIMEOUT: 2, read_timeout: 1 });
  });

  it("has nothing to say about a package without Python files", async () => {
    expect(await pythonPackageFacts([["index.js", "setTimeout(f, 0);\n"]], config)).toBeUndefined();
  });
});

describe("org-guard check: each Python file with its package's facts", () => {
  const transport = [
    "import socket",
    "",
    "class Transport:",
    "    def __init__(self, host, timeout=None):",
    "        self.host = host",
    "        self.timeout = timeout",
    "",
    "    def connect(self):",
    "        return socket.create_connection((self.host, 80), timeout=self.timeout)",
    "",
  ].join("\n");
  const client = [
    "from .transport import Transport",
    "",
    "class Client:",
    "    def __init__(self, host, timeout=None):",
    "        self.transport = Transport(host, timeout=timeout)",
    "",
  ].join("\n");
  const unbounded = async (cwd: string, ...argv: string[]) => {
    const result = await guard(cwd, "check", ...argv, "--format", "json");
    return (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[]).flatMap(
      (file) => file.messages.map((m) => `${relative(cwd, file.filePath)}:${m.line}: ${m.ruleId}`),
    );
  };

  it("a whole tree: a client's None is judged with the transport of another module", async () => {
    const tree = tempTree({
      "pyproject.toml": "[project]\nname = 'p'\n",
      "p/transport.py": transport,
      "p/client.py": client,
    });
    expect((await unbounded(tree, ".")).sort()).toEqual([
      "p/client.py:4: no-unbounded-timeout",
      "p/transport.py:4: no-unbounded-timeout",
    ]);
  });

  it("outside a Python project (no pyproject.toml, setup.py or setup.cfg) each file is judged alone", async () => {
    const tree = tempTree({ "p/transport.py": transport, "p/client.py": client });
    expect(await unbounded(tree, ".")).toEqual(["p/transport.py:4: no-unbounded-timeout"]);
  });

  it("a commit: the staged client is judged with the rest of its package, read from the working tree", async () => {
    const repo = tempRepo({ "setup.py": "from setuptools import setup\nsetup()\n", "p/client.py": client });
    writeFileSync(join(repo, "p/transport.py"), transport);
    git(repo, "add", "p/client.py");
    expect(await unbounded(repo, "--staged")).toEqual(["p/client.py:4: no-unbounded-timeout"]);
  });
});
