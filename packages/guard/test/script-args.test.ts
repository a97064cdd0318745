import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The eval and bench scripts share one command line (scripts/args.mjs): `--help` lists the options of the same table
// that parses them, and a usage error is one line naming the problem, the usage line and exit 2, never a stack trace.
// Each case stops before the script loads the build or touches the network.

const pkg = fileURLToPath(new URL("..", import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, args, { cwd: pkg, encoding: "utf8" });
const STACK_FRAME = /^\s+at .+[:(]\d+/m;

describe("eval and bench scripts' command line", () => {
  it("prints the options of eval/run.mjs with --help and exits 0", () => {
    const result = run("eval/run.mjs", "--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: node eval\/run\.mjs \[--set name\]/);
    for (const option of ["--set", "--unlabelled", "--errors", "--findings", "--dist", "--reserve", "--help"])
      expect(result.stdout).toContain(`${option} `);
  });

  it("names an unknown option, shows the usage and exits 2 without a stack trace", () => {
    const result = run("eval/run.mjs", "--sets", "fresh1");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("eval/run.mjs: Unknown option '--sets'");
    expect(result.stderr).toContain("usage: node eval/run.mjs");
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("names a set eval/corpus.json does not have", () => {
    const result = run("eval/run.mjs", "--set", "no-such-set");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no set "no-such-set" in eval/corpus.json');
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("refuses a count that is not a whole number", () => {
    const result = run("eval/prefetch.mjs", "--jobs", "many");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--jobs and --batch want a whole number of at least 1");
  });

  it("asks bench/phases.mjs for its directory instead of throwing", () => {
    const result = run("bench/phases.mjs");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("give one directory of .ts/.js files");
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("says which --baseline of bench/speed.mjs is missing", () => {
    const result = run("bench/speed.mjs", "--baseline", "/nonexistent/org-guard.js");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--baseline /nonexistent/org-guard.js does not exist");
  });

  it("refuses a --names of eval/pool.mjs that is not a regular expression", () => {
    const result = run("eval/pool.mjs", "--registry", "npm", "--seed", "s", "--names", "(");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--names "(" is not a valid regular expression');
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("labels a finding from its line's pre-run label and lists the rest, writing nothing without --write", () => {
    // Two lines labelled before this test existed: one not real, one real under no-hardcoded-timeout.
    const notReal = "gnome-activity-journal@1.0.0.19.g1e469ff-1/src/usr/lib/python3/dist-packages/main.py:188";
    const real = "gnome-keysign@1.3.0-5.1/src/usr/lib/python3/dist-packages/keysign/Keyserver.py:242";
    const findings = join(mkdtempSync(join(tmpdir(), "prerun-")), "findings.txt");
    writeFileSync(
      findings,
      `s ${notReal}:no-unbounded-timeout -- m\ns ${real}:no-unbounded-timeout -- m\ns x@1/a.py:1:no-hardcoded-timeout -- m\n`,
    );
    const before = readFileSync(join(pkg, "eval/labels.json"), "utf8");
    const result = run("eval/prerun.mjs", findings);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("3 findings, 1 labelled from their line's pre-run label, 2 left:");
    expect(result.stdout).toContain(`${real}:no-unbounded-timeout (line labelled real under no-hardcoded-timeout)`);
    expect(result.stdout).toContain("x@1/a.py:1:no-hardcoded-timeout (line not labelled)");
    expect(readFileSync(join(pkg, "eval/labels.json"), "utf8")).toBe(before);
  });

  it("asks eval/prerun.mjs for its findings file", () => {
    const result = run("eval/prerun.mjs");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("one findings file is required");
  });
  it("lists eval/sweep.mjs' options and asks for --match and --base", () => {
    const help = run("eval/sweep.mjs", "--help");
    expect(help.status).toBe(0);
    for (const option of ["--match", "--base", "--dist", "--lang", "--set", "--whole"])
      expect(help.stdout).toContain(`${option} `);
    const bare = run("eval/sweep.mjs");
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain("eval/sweep.mjs: --match and --base are required");
    expect(bare.stderr).not.toMatch(STACK_FRAME);
  });

  it("refuses a sweep's --match that is not a regular expression, and a --base with no build", () => {
    const pattern = run("eval/sweep.mjs", "--match", "(", "--base", "dist");
    expect(pattern.status).toBe(2);
    expect(pattern.stderr).toContain("--match is not a regular expression");
    const missing = run("eval/sweep.mjs", "--match", "wait", "--base", "no-such-dist");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no org-guard build in "no-such-dist"');
    expect(missing.stderr).not.toMatch(STACK_FRAME);
  });
});
