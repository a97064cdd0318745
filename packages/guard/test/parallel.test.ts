import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig } from "../src/index.ts";
import { PARALLEL_THRESHOLD } from "../src/run.ts";
import { builtCli, tempTree } from "./helpers.ts";
import { BUILT_CLI_TIMEOUT } from "./profile.ts";

// Large checks are split across worker threads by the built CLI, in batches; the results must be
// exactly those of the single-threaded check, in the same order. The tree repeats four sources, so
// the single-threaded results are worked out once per source (checkSource is what the in-process
// check runs on every file; its messages depend on the text and the extension, not the path):
// checking all 240 copies in this process as well doubled the test's time for no more evidence.
describe("parallel check", { timeout: BUILT_CLI_TIMEOUT }, () => {
  it("the built CLI on a large tree reports what the in-process check reports", async () => {
    const corpus = join(import.meta.dirname, "corpus");
    const sources = ["positives.ts", "negatives.ts", "positives.py", "legacy.cjs"].map((f) => [
      f,
      readFileSync(join(corpus, f), "utf8"),
    ]);
    const files: Record<string, string> = {};
    const sourceOf: number[] = [];
    for (let i = 0; i < PARALLEL_THRESHOLD + 40; i++) {
      const [name, text] = sources[i % sources.length]!;
      files[`src/${String(i).padStart(3, "0")}-${name}`] = text!;
      sourceOf.push(i % sources.length);
    }
    const root = tempTree(files);
    const built = builtCli(root, "check", "src", "--format", "json");
    expect(built.status).toBe(1);
    const config = defaultGuardConfig(root);
    const single = await Promise.all(sources.map(([name, text]) => checkSource(join(root, name!), text!, config)));
    // The listing is sorted, and the zero-padded names sort in the order they were written.
    const expected = Object.keys(files).map((path, i) => ({
      filePath: join(root, path),
      messages: single[sourceOf[i]!]!.messages,
    }));
    const actual = JSON.parse(built.stdout).map((r: { filePath: string; messages: unknown[] }) => ({
      filePath: r.filePath,
      messages: r.messages,
    }));
    expect(actual).toEqual(expected);
    expect(actual.flatMap((r: { messages: unknown[] }) => r.messages).length).toBeGreaterThan(1000);
  });

  it("the built CLI's threads judge each file with its package's facts", () => {
    const files: Record<string, string> = {
      "package.json": '{ "name": "driver" }',
      "src/defaults.js": "module.exports = {\n  socketTimeoutMS: 0,\n};\n",
      "src/connection.js":
        "exports.connect = (socket, options) => {\n  if (options.socketTimeoutMS > 0) setTimeout(() => socket.destroy(), options.socketTimeoutMS);\n};\n",
    };
    for (let i = 0; i < PARALLEL_THRESHOLD + 40; i++)
      files[`src/${String(i).padStart(3, "0")}.js`] = "exports.x = 1;\n";
    const built = builtCli(tempTree(files), "check", "src");
    expect(built.status).toBe(1);
    expect(built.stdout).toMatch(/defaults\.js[\s\S]*2:\d+\s+error\s+Unbounded timeout 0/);
  });

  it("files the workers meet before the package facts are known are judged with them, on whichever thread", () => {
    // Every file reaches the detector and is small: the workers are sent all of them before the package pass ends,
    // hand them back unchecked, and take some of them again (with the facts) once this thread has them.
    const files: Record<string, string> = {
      "package.json": '{ "name": "driver" }',
      "src/connection.js":
        "exports.connect = (socket, options) => {\n  if (options.socketTimeoutMS > 0) setTimeout(() => socket.destroy(), options.socketTimeoutMS);\n};\n",
    };
    const copies = PARALLEL_THRESHOLD + 40;
    for (let i = 0; i < copies; i++)
      files[`src/d${String(i).padStart(3, "0")}.js`] = "module.exports = {\n  socketTimeoutMS: 0,\n};\n";
    const built = builtCli(tempTree(files), "check", "src", "--format", "json");
    expect(built.status).toBe(1);
    const reported = JSON.parse(built.stdout).filter((r: { filePath: string; messages: { message: string }[] }) =>
      r.messages.some((m) => /Unbounded timeout 0/.test(m.message)),
    );
    expect(reported).toHaveLength(copies);
  });

  it("the built CLI's threads judge a defaults table with what another module shows of its merge", () => {
    const table = join(import.meta.dirname, "corpus/packages/merged-table/lib");
    const files: Record<string, string> = {
      "package.json": '{ "name": "merged-table" }',
      "src/options.js": readFileSync(join(table, "options.js"), "utf8"),
      "src/client.js": readFileSync(join(table, "client.js"), "utf8"),
      "src/log.js": readFileSync(join(table, "log.js"), "utf8"),
    };
    // The table's file reaches the detector, so the main thread judges it (every such file of a large run goes there),
    // with the facts the package pass found: what the workers are sent is only parsed.
    for (let i = 0; i < PARALLEL_THRESHOLD + 40; i++)
      files[`src/a${String(i).padStart(3, "0")}.js`] = "exports.x = 1;\n";
    const built = builtCli(tempTree(files), "check", "src");
    expect(built.status).toBe(1);
    expect(built.stdout).toMatch(/options\.js[\s\S]*4:\d+\s+error\s+Unbounded timeout 0/);
  });

  it("the built CLI's threads judge each Python file with its package's facts", () => {
    const files: Record<string, string> = {
      "pyproject.toml": "[project]\nname = 'p'\n",
      "p/transport.py":
        "import socket\n\nclass Transport:\n    def __init__(self, host, timeout=None):\n        self.host = host\n        self.timeout = timeout\n\n    def connect(self):\n        return socket.create_connection((self.host, 80), timeout=self.timeout)\n",
      "p/client.py":
        "from .transport import Transport\n\nclass Client:\n    def __init__(self, host, timeout=None):\n        self.transport = Transport(host, timeout=timeout)\n",
    };
    for (let i = 0; i < PARALLEL_THRESHOLD + 40; i++) files[`p/m${String(i).padStart(3, "0")}.py`] = "x = 1\n";
    const built = builtCli(tempTree(files), "check", "p");
    expect(built.status).toBe(1);
    expect(built.stdout).toMatch(/client\.py[\s\S]*4:\d+\s+error\s+Unbounded timeout None/);
  });
});
