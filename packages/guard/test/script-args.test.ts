import { spawnSync } from "node:child_process";
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
});
