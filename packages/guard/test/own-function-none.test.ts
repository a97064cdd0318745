import { describe, expect, it } from "vitest";
import { findingLines, packageFindings } from "./helpers.ts";

// An explicit `timeout=None` handed to the package's own function that waits with that parameter (session 36,
// issue 9; command_runner's `elevate` calls `command_runner(..., timeout=None)`): the call switches the function's
// bounded default off and the wait below runs without a limit. A None to a function that replaces it first, or to a
// function that never waits with it, still means "unset" and is not reported.

const runner = [
  "import subprocess",
  "",
  "def run(command, timeout=3600):",
  "    proc = subprocess.Popen(command)",
  "    return proc.wait(timeout=timeout)",
].join("\n");

describe("an explicit None to the package's own waiting function", () => {
  it("is unbounded when the function of the same file waits with it", async () => {
    const source = [runner, "", "def elevate(cmd):", "    return run(['sudo'] + cmd, timeout=None)"].join("\n");
    expect(await findingLines("same.py", source)).toEqual(["3: no-hardcoded-timeout", "8: no-unbounded-timeout"]);
  });

  it("is unbounded when another module of the package defines the function", async () => {
    const elevate = [
      "from .runner import run",
      "",
      "def elevate(cmd):",
      "    return run(['sudo'] + cmd, timeout=None)",
    ];
    expect(await packageFindings({ "tool/runner.py": runner, "tool/elevate.py": elevate.join("\n") })).toEqual([
      "tool/elevate.py:4: no-unbounded-timeout",
      "tool/runner.py:3: no-hardcoded-timeout",
    ]);
  });

  it("is not reported when the function replaces a None before waiting, or never waits with it", async () => {
    const replaced = [
      "import subprocess",
      "",
      "def run(command, timeout=3600):",
      "    if timeout is None:",
      "        timeout = DEFAULTS.timeout_s",
      "    return subprocess.Popen(command).wait(timeout=timeout)",
      "",
      "def elevate(cmd):",
      "    return run(['sudo'] + cmd, timeout=None)",
    ];
    expect(await findingLines("replaced.py", replaced.join("\n"))).toEqual(["3: no-hardcoded-timeout"]);
    const kept = [
      "def describe(command, timeout=3600):",
      "    return {'command': command, 'timeout': timeout}",
      "",
      "def elevate(cmd):",
      "    return describe(['sudo'] + cmd, timeout=None)",
    ];
    // The default is still a hardcoded timeout of its own; the None at line 5 is no finding.
    expect(await findingLines("kept.py", kept.join("\n"))).toEqual(["1: no-hardcoded-timeout"]);
  });
});
