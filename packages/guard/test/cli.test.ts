import { describe, expect, it } from "vitest";
import { guard, tempRepo, tempTree } from "./helpers.ts";

const DIRTY = "await fetch(url, { signal: AbortSignal.timeout(5000) });\n";
const CLEAN =
  'import { config } from "@org/config";\nawait fetch(url, { signal: AbortSignal.timeout(config.TIMEOUT) });\n';

describe("org-guard check", () => {
  it("exits 0 on clean files and 1 on findings, naming file, line and column", async () => {
    const root = tempTree({ "clean.ts": CLEAN, "src/dirty.ts": DIRTY });
    expect((await guard(root, "check", "clean.ts")).code).toBe(0);
    const result = await guard(root, "check", ".");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("src/dirty.ts:1:48  error  Hardcoded timeout 5000");
    expect(result.stdout).toContain("no-hardcoded-timeout");
    expect(result.stdout).toMatch(/\| await fetch.*\n\s+\|\s+\^{4}/);
  });

  it("recurses into directories, skipping node_modules and unsupported files", async () => {
    const root = tempTree({
      "a/b/c.py": "requests.get(u, timeout=5)\n",
      "node_modules/x/i.js": DIRTY,
      "notes.md": DIRTY,
    });
    const result = await guard(root, "check", ".", "--format", "json");
    expect(JSON.parse(result.stdout).map((r: { filePath: string }) => r.filePath)).toEqual([`${root}/a/b/c.py`]);
  });

  it("in a git repository, honours .gitignore and never reads node_modules", async () => {
    const root = tempRepo({
      ".gitignore": "generated/\n",
      "generated/x.ts": DIRTY,
      "node_modules/dep/i.js": DIRTY,
      "src/a.ts": DIRTY,
    });
    const result = await guard(root, "check", ".", "--format", "json");
    expect(JSON.parse(result.stdout).map((r: { filePath: string }) => r.filePath)).toEqual([`${root}/src/a.ts`]);
  });

  it("leaves named files in other languages alone", async () => {
    const root = tempTree({ "README.md": "timeout: 5000 {", "a.ts": CLEAN });
    const result = await guard(root, "check", "README.md", "a.ts");
    expect(result).toMatchObject({ code: 0, stdout: "org-guard: 1 file checked, no problems." });
  });

  it("prints ESLint's JSON shape", async () => {
    const root = tempTree({ "dirty.ts": DIRTY });
    const [file] = JSON.parse((await guard(root, "check", "--format", "json")).stdout);
    expect(file).toEqual({
      filePath: `${root}/dirty.ts`,
      errorCount: 1,
      warningCount: 0,
      messages: [
        {
          ruleId: "no-hardcoded-timeout",
          severity: 2,
          message: expect.stringContaining("config.TIMEOUT from @org/config (dev 5 s, staging 30 s, prod 60 s)"),
          line: 1,
          column: 48,
          endLine: 1,
          endColumn: 52,
        },
      ],
    });
  });

  it("prints SARIF 2.1.0 with rules and locations", async () => {
    const root = tempTree({ "dirty.py": "import requests\nrequests.get(u)\n" });
    const sarif = JSON.parse((await guard(root, "check", "--format", "sarif")).stdout);
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe("org-guard");
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain("no-unbounded-timeout");
    expect(run.results[0]).toMatchObject({
      ruleId: "no-unbounded-timeout",
      level: "error",
      locations: [
        { physicalLocation: { artifactLocation: { uri: "dirty.py" }, region: { startLine: 2, startColumn: 1 } } },
      ],
    });
  });

  it("reports a file that does not parse as an error, never passes it", async () => {
    const root = tempTree({ "broken.ts": "const = ;\n", "broken.py": "def f(:\n" });
    const result = await guard(root, "check", "--format", "json");
    expect(result.code).toBe(1);
    const rules = JSON.parse(result.stdout).flatMap((r: { messages: { ruleId: string }[] }) =>
      r.messages.map((m) => m.ruleId),
    );
    expect(rules).toEqual(["parse-error", "parse-error"]);
  });

  it("skips binary and oversized files with a note", async () => {
    const root = tempTree({
      "blob.js": Buffer.from([0x63, 0x6f, 0x00, 0x01, 0x02]),
      "big.ts": `${"// padding\n".repeat(200)}${DIRTY}`,
      "org-guard.config.json": JSON.stringify({ maxFileBytes: 1000 }),
    });
    const result = await guard(root, "check", ".");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("note: skipped blob.js: binary");
    expect(result.stdout).toContain("note: skipped big.ts: larger than 1000 bytes (maxFileBytes)");
  });

  it("treats a suppression without a reason as a finding, and reports unused ones", async () => {
    const root = tempTree({
      "a.ts": [
        "// org-guard-ignore-next-line no-hardcoded-timeout -- loopback test socket",
        "socket.setTimeout(100);",
        "// org-guard-ignore-next-line no-hardcoded-timeout",
        "socket.setTimeout(200);",
        "// org-guard-ignore-next-line no-hardcoded-timeout -- stale",
        "const nothing = 1;",
      ].join("\n"),
      "b.py":
        "# org-guard-ignore-next-line no-unbounded-timeout -- streaming endpoint, closed by the caller\nrequests.get(u)\n",
    });
    const [a, b] = JSON.parse((await guard(root, "check", "--format", "json")).stdout);
    expect(a.messages.map((m: { line: number; ruleId: string }) => `${m.line} ${m.ruleId}`)).toEqual([
      "3 invalid-suppression",
      "4 no-hardcoded-timeout",
      "5 unused-suppression",
    ]);
    expect(b.messages).toEqual([]);
  });

  it("reads ignore globs, extra names, extra APIs and severities from org-guard.config.json", async () => {
    const root = tempTree({
      "org-guard.config.json": JSON.stringify({
        ignore: ["generated/**"],
        timeoutNames: ["deadline"],
        apis: [{ language: "js", callee: "retry.wait", argument: 0 }],
        rules: { "no-unbounded-timeout": "warn" },
      }),
      "generated/x.ts": DIRTY,
      "src/a.ts": "call({ deadline: 300 });\nretry.wait(250);\naxios.create({ timeout: 0 });\n",
    });
    const result = await guard(root, "check", "--format", "json");
    const [file] = JSON.parse(result.stdout);
    expect(file.filePath).toBe(`${root}/src/a.ts`);
    expect(file.messages.map((m: { line: number; severity: number }) => `${m.line}:${m.severity}`)).toEqual([
      "1:2",
      "2:2",
      "3:1",
    ]);
  });

  it("accepts an extra Python API whose call refuses None (noneRefused): its None is not reported, its literal is", async () => {
    const root = tempTree({
      "org-guard.config.json": JSON.stringify({
        apis: [{ language: "python", callee: "*.wait_ready", argument: 0, keyword: "timeout", noneRefused: true }],
      }),
      "a.py": "client.wait_ready(None)\nclient.wait_ready(timeout=None)\nclient.wait_ready(5)\n",
    });
    const result = await guard(root, "check", "--format", "json");
    expect(result.code).toBe(1);
    const [file] = JSON.parse(result.stdout);
    expect(file.messages.map((m: { line: number; ruleId: string }) => `${m.line}:${m.ruleId}`)).toEqual([
      "3:no-hardcoded-timeout",
    ]);
  });

  it('reads "orgGuard" from package.json', async () => {
    const root = tempTree({ "package.json": JSON.stringify({ orgGuard: { ignore: ["**/*.ts"] } }), "a.ts": DIRTY });
    expect((await guard(root, "check")).code).toBe(0);
  });

  it("names a broken config file and exits 2", async () => {
    const root = tempTree({
      "org-guard.config.json": JSON.stringify({ rules: { "no-such-rule": "error" } }),
      "a.ts": CLEAN,
    });
    const result = await guard(root, "check");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Invalid org-guard config in ${root}/org-guard.config.json`);
    const broken = tempTree({ "org-guard.config.json": "{ nope", "a.ts": CLEAN });
    expect((await guard(broken, "check")).stderr).toMatch(/cannot read org-guard config .*org-guard\.config\.json/);
  });
});

describe("org-guard usage", () => {
  it("exits 2 on usage errors with a pointer to --help", async () => {
    const root = tempTree({ "a.ts": CLEAN });
    for (const argv of [
      [],
      ["lint"],
      ["check", "--format", "xml"],
      ["check", "missing.ts"],
      ["check", "--nope"],
      ["check", "--staged", "a.ts"],
    ]) {
      const result = await guard(root, ...argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr).toMatch(/^org-guard: /);
    }
  });

  it("has --help, --version and a rule list", async () => {
    const root = tempTree({});
    const help = (await guard(root, "--help")).stdout;
    expect(help).toContain("Usage: org-guard <command> [options]");
    expect(help).toMatch(/check \[paths\.\.\.\]\s+Check files/);
    expect(help).toContain("Exit codes: 0 no errors, 1 errors found, 2 usage or internal error.");
    const checkHelp = (await guard(root, "check", "--help")).stdout;
    expect(checkHelp).toContain("Usage: org-guard check [paths...] [options]");
    expect(checkHelp).toMatch(/--format pretty\|json\|sarif\s+Output format .*\(default: pretty\)/);
    expect((await guard(root, "-v")).stdout).toBe("9.9.9");
    expect((await guard(root, "--version")).stdout).toBe("9.9.9");
    expect((await guard(root, "rules")).stdout).toMatch(/no-hardcoded-timeout\s+error/);
  });
});
