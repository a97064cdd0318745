import { tmpdir } from "node:os";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, type GuardConfig } from "../src/index.ts";
import { builtCli, findingLines, spawnChild, tempTree } from "./helpers.ts";
import { BUILT_CLI_TIMEOUT } from "./profile.ts";

const config = defaultGuardConfig(import.meta.dirname);

describe("no input crashes a run", () => {
  it("a 3,000-term `1 + 1 + ...` chain in JavaScript is checked, and the file's timeout still found", async () => {
    const chain = Array.from({ length: 3000 }, () => "1").join(" + ");
    const source = `const total = ${chain};\nfetch(url, { timeout: 5000 });\nconst t = ${chain.replaceAll("+", "||")};\n`;
    expect(await findingLines("deep.js", source)).toEqual(["2: no-hardcoded-timeout"]);
  });

  it("a 3,000-term chain in a Python file that imports requests is checked", async () => {
    const chain = Array.from({ length: 3000 }, () => "1").join(" + ");
    const source = `import requests\ntotal = ${chain}\nrequests.get(url, timeout=5)\n`;
    expect(await findingLines("deep.py", source)).toEqual(["3: no-hardcoded-timeout"]);
  });

  it("a 0 on a line whose regular expression holds a quote and 60 backslashes is checked (no backtracking)", async () => {
    // @aws/amazon-location-utilities-auth-helper's minified bundle (fresh382): the comment scan's string pattern could
    // take a backslash two ways, so a quote never closed on the line backtracked through every split of the run.
    const line = `const options = { requestTimeout: 0 }; const re = /"${"\\\\".repeat(30)}x/;`;
    expect(await findingLines("bundle.js", `${line}\nfetch(url, { timeout: 5000 });\n`)).toEqual([
      "2: no-hardcoded-timeout",
    ]);
  });

  it("a timeout in SQL handed to a fake is no finding and no internal error", async () => {
    // org-guard-ignore-next-line no-hardcoded-timeout -- source text of a fixture, not SQL this test sends
    expect(await findingLines("fake-db.js", 'const db = new FakeDb("SET lock_timeout = 5000");\n')).toEqual([]);
    // org-guard-ignore-next-line no-hardcoded-timeout -- source text of a fixture, not SQL this test sends
    expect(await findingLines("db.js", 'db.query("SET lock_timeout = 5000");\n')).toEqual(["1: no-hardcoded-timeout"]);
  });

  it("deeply nested calls and brackets do not overflow the walk", async () => {
    const nested = `${"f(".repeat(900)}1${")".repeat(900)}`;
    expect(await findingLines("nested.ts", `const x = ${nested};\n`)).toEqual([]);
    expect(await findingLines("nested.py", `x = ${"[".repeat(3000)}1${"]".repeat(3000)}\n`)).toEqual([]);
    expect(
      await findingLines("nested.py", `x = ${"(".repeat(50_000)}1${")".repeat(50_000)}\nrequests.get(u, timeout=5)\n`),
    ).toEqual(["2: no-hardcoded-timeout"]);
  });

  it("JavaScript nested past the in-process parser's stack is a finding for that file, never a crash", async () => {
    // Native parser code overflowing its stack ends the process (SIGSEGV): such a file is measured
    // first. From sources there is no deep-stack worker, so it is reported, not parsed.
    for (const source of [
      `${"function a() {".repeat(5000)}${"}".repeat(5000)}\n`,
      `x = ${"!".repeat(40_000)}y;\n`,
      `x = ${"a ? b : ".repeat(30_000)}c;\n`,
      `let x: ${"A<".repeat(5000)}B${">".repeat(5000)};\n`,
    ]) {
      const result = await checkSource("deep.ts", source, config);
      expect(result.messages.map((m) => m.ruleId)).toEqual(["parse-error"]);
      expect(result.messages[0]!.message).toMatch(/^Nested about [\d,]+ levels deep/);
    }
  });

  it(
    "the built CLI checks deeply nested JavaScript on a deep stack and still reports every other file",
    { timeout: BUILT_CLI_TIMEOUT },
    () => {
      const root = tempTree({
        // 6,000 nested functions overflow the main thread's 8 MiB stack inside oxc-parser (about 4,000 do).
        "deep-functions.js": `${"function a() {".repeat(6_000)}${"}".repeat(6_000)}\nsetTimeout(() => c.abort(), 5000);\n`,
        "deep-arrays.ts": `const x = ${"[".repeat(250_000)}${"]".repeat(250_000)};\n`,
        "plain.ts": "fetch(url, { timeout: 3000 });\n",
        "bad-utf8.py": Buffer.from('import requests\nname = "\xff\xfe"\nrequests.get(u, timeout=5)\n', "latin1"),
      });
      const built = builtCli(root, "check", ".", "--format", "json");
      expect(built.status).toBe(1);
      const found = Object.fromEntries(
        (JSON.parse(built.stdout) as { filePath: string; messages: { line: number; ruleId: string }[] }[]).map((r) => [
          basename(r.filePath),
          r.messages.map((m) => `${m.line}: ${m.ruleId}`),
        ]),
      );
      expect(found).toEqual({
        "bad-utf8.py": ["3: no-hardcoded-timeout"],
        "deep-arrays.ts": ["1: parse-error"],
        "deep-functions.js": ["2: no-hardcoded-timeout"],
        "plain.ts": ["1: no-hardcoded-timeout"],
      });
    },
  );

  it("a child the built-CLI tests spawn that is killed (past BUILT_CLI_TIMEOUT) fails its test with its stderr", () => {
    const killed = () =>
      spawnChild(
        process.execPath,
        ["-e", "console.error('half done'); process.kill(process.pid, 'SIGKILL')"],
        tmpdir(),
      );
    expect(killed).toThrow(/was killed \(SIGKILL; its limit is BUILT_CLI_TIMEOUT, \d+ ms\): half done/);
  });

  it("an internal error becomes an internal-error finding for that file, not an exception", async () => {
    const broken = { ...config, apis: null } as unknown as GuardConfig;
    const result = await checkSource("a.ts", "page.setDefaultTimeout(5000);\n", broken);
    expect(result.messages.map((m) => m.ruleId)).toEqual(["internal-error"]);
    expect(result.messages[0]!.message).toMatch(/could not check this file/);
    expect(result.errorCount).toBe(1);
  });
});

describe("valid code is not a parse error", () => {
  it("JSX in a .js file", async () => {
    expect(await findingLines("view.js", "export const View = () => <Spinner timeout={5000} />;\n")).toEqual([
      "1: no-hardcoded-timeout",
    ]);
  });

  it("top-level return in CommonJS .cjs and .js files", async () => {
    const source = "if (!process.env.X) return;\nmodule.exports = { timeout: 5000 };\n";
    expect(await findingLines("a.cjs", source)).toEqual(["2: no-hardcoded-timeout"]);
    expect(await findingLines("a.js", source)).toEqual(["2: no-hardcoded-timeout"]);
  });

  it("`var await = 1` in a CommonJS .js file", async () => {
    expect(await findingLines("a.js", "var await = 1;\nmodule.exports = await;\n")).toEqual([]);
  });

  it("still reports a real syntax error, once", async () => {
    expect(await findingLines("a.js", "const = ;\n")).toEqual(["1: parse-error"]);
  });

  // tree-sitter-python 0.25 rejects line 4's shape (scapy's layers/tftp.py); Python ignores comment lines.
  const dedentedComment = (beforeTimeout = "") =>
    [
      "import requests",
      "class Client:",
      "    @property",
      "# the url, set once",
      "    def url(self):",
      "        return self._url",
      "",
      "    def get(self):",
      ...(beforeTimeout ? [beforeTimeout] : []),
      "        return requests.get(self.url, timeout=5)",
      "",
    ].join("\n");

  it("a comment line dedented between a decorator and its def in a class (Python)", async () => {
    expect(await findingLines("client.py", dedentedComment())).toEqual(["9: no-hardcoded-timeout"]);
  });

  it("a suppression on a comment line of such a file still applies", async () => {
    const directive = "# org-guard-ignore-next-line no-hardcoded-timeout -- pinned by the vendor";
    expect(await findingLines("client.py", dedentedComment(directive))).toEqual([]);
  });

  // tree-sitter-python 0.25 rejects an unpacked non-name in a bare tuple; Python accepts it.
  it("an unpacked generator or list in a bare tuple (Python) is parsed, and the file's timeout found", async () => {
    const yielded = 'import requests\ndef spans(tokens):\n    yield 0, 1, *("!" + t for t in tokens)\n';
    expect(await findingLines("spans.py", `${yielded}requests.get(u, timeout=5)\n`)).toEqual([
      "4: no-hardcoded-timeout",
    ]);
    const assigned = "import requests\nrow = *[a for a in b],\nfor x in 1, *rows:\n    requests.get(u, timeout=5)\n";
    expect(await findingLines("rows.py", assigned)).toEqual(["4: no-hardcoded-timeout"]);
  });

  // tree-sitter-python 0.25 rejects a line inside brackets indented less than its statement after an operator
  // (dnstwist's banner string at column 0, in a tab-indented file); Python ignores indentation inside brackets.
  it("a line inside brackets dedented below its statement (Python) is parsed, and the file's timeouts found", async () => {
    const banner = [
      "import socket",
      "socket.setdefaulttimeout(12.0)",
      "def main():",
      "\tif not quiet:",
      "\t\tp_cli(FG_RND + ST_BRI +",
      "r'''     _           _",
      "  __| |_ __  ___| |___ {%s}",
      "''' % __version__ + FG_RST)",
      "\tx = (a +",
      "  b)  # a comment",
      "\ts = socket.create_connection(addr, timeout=2.0)",
    ].join("\n");
    expect(await findingLines("dnstwist.py", `${banner}\n`)).toEqual([
      "2: no-hardcoded-timeout",
      "11: no-hardcoded-timeout",
    ]);
  });

  it("a Python file with a dedented continuation and a real syntax error reports the real error", async () => {
    expect(await findingLines("bad.py", "def f():\n    x = (a +\nb)\n    def g(:\n        pass\n")).toEqual([
      "4: parse-error",
    ]);
  });

  it("a Python file with an unpacked item and a real syntax error reports the real error", async () => {
    expect(await findingLines("bad.py", "y = 1, *(c for c in d)\ndef f(:\n    pass\n")).toEqual(["2: parse-error"]);
  });

  it("a Python file with a real syntax error beside its comments is still a parse error", async () => {
    expect(await findingLines("bad.py", "# a comment\ndef f(:\n    pass\n")).toEqual(["2: parse-error"]);
  });
});
