import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnChild, tempTree } from "./helpers.ts";

// bin/org-guard.js raises V8's interrupt budget unless node was given one. A preloaded module records each
// `v8.setFlagsFromString` the shim makes (on stderr), so a run shows whether the shim set the budget.
const RECORDER = [
  'import v8 from "node:v8";',
  'import { syncBuiltinESMExports } from "node:module";',
  "const set = v8.setFlagsFromString;",
  "v8.setFlagsFromString = (flags) => { process.stderr.write(`set ${flags}\\n`); set(flags); };",
  "syncBuiltinESMExports();",
].join("\n");
const BIN = join(import.meta.dirname, "../bin/org-guard.js");

function budgetsSet(...nodeFlags: string[]): string[] {
  const root = tempTree({ "record.mjs": RECORDER });
  const child = spawnChild(
    process.execPath,
    [...nodeFlags, "--import", join(root, "record.mjs"), BIN, "--version"],
    root,
  );
  expect(child.status, child.stderr).toBe(0);
  return child.stderr.split("\n").filter((line) => line.startsWith("set --interrupt-budget"));
}

describe("bin/org-guard.js: V8's interrupt budget", () => {
  it("raises the budget when node was given none, or only another --interrupt-budget-* flag", () => {
    expect(budgetsSet()).toEqual(["set --interrupt-budget=270336"]);
    expect(budgetsSet("--interrupt-budget-for-feedback-allocation=940")).toEqual(["set --interrupt-budget=270336"]);
  });

  it("leaves a budget given to node, in each spelling node accepts", () => {
    for (const flag of ["--interrupt-budget=1024", "--interrupt_budget=1024", "-interrupt-budget=1024"])
      expect(budgetsSet(flag), flag).toEqual([]);
  });
});
