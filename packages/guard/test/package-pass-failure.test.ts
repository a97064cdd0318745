import { describe, expect, it, vi } from "vitest";
import { checkFiles } from "../src/run.ts";
import { defaultGuardConfig } from "../src/index.ts";
import { tempTree } from "./helpers.ts";

// A package pass that throws must not cost the run (issue 9: no input crashes a run). Session 35's sweep met one:
// a callee written as a call chain over several lines off a relative import (sqlalchemy) made the Python package pass
// throw, and every file of every package was lost. Whatever the next such bug is, each file of that package is still
// checked on its own and says the pass failed; other packages are unaffected.
vi.mock("../src/python-facts.ts", () => ({
  pythonPackageFacts: () => {
    throw new TypeError("object null is not iterable");
  },
}));

describe("a package pass that throws", () => {
  it("checks the package's files on their own and reports the failure on each, without losing the run", async () => {
    const cwd = tempTree({
      "svc/pyproject.toml": "[project]\nname = 'svc'\n",
      "svc/svc/client.py":
        "from .conn import Connection\n\ndef get(url, timeout):\n    return Connection(url, timeout)\n",
      "svc/svc/conn.py": "import requests\n\ndef fetch(url):\n    return requests.get(url, timeout=5)\n",
      "web/package.json": '{ "name": "web" }\n',
      "web/index.js": "fetch(url, { signal: AbortSignal.timeout(5000) });\n",
    });
    const { results } = await checkFiles({ cwd, config: defaultGuardConfig(cwd) });
    const byFile = Object.fromEntries(
      results.map((r) => [r.filePath.replace(/\\/g, "/"), r.messages.map((m) => `${m.line}: ${m.ruleId}`)]),
    );
    expect(byFile).toEqual({
      "svc/svc/client.py": ["1: internal-error"],
      "svc/svc/conn.py": ["1: internal-error", "4: no-hardcoded-timeout"],
      "web/index.js": ["1: no-hardcoded-timeout"],
    });
    const failure = results.find((r) => r.filePath.endsWith("client.py"))!.messages[0]!;
    expect(failure.message).toContain("object null is not iterable");
    expect(failure.message).not.toMatch(/\n\s+at /);
    expect(results.find((r) => r.filePath.endsWith("client.py"))!.errorCount).toBe(1);
  });
});
