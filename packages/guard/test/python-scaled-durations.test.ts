import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// A literal duration times a scale factor the file imports (IPython's tests, fresh111): the duration is written here,
// the factor only stretches it. A literal times a timeout constant is a multiple of a duration written elsewhere.

describe("literal durations times a scale factor", () => {
  it("reports 15 * IPYTHON_TESTING_TIMEOUT_SCALE, not 1.1 * TUNNEL_TIMEOUT", async () => {
    const test = [
      "import sys",
      "from IPython.testing import IPYTHON_TESTING_TIMEOUT_SCALE",
      "from .settings import TUNNEL_TIMEOUT",
      "def test_debugger():",
      "    import pexpect",
      "    child = pexpect.spawn(sys.executable, ['-m', 'IPython'])",
      "    child.timeout = 15 * IPYTHON_TESTING_TIMEOUT_SCALE",
      "    child.expect('In')",
      "    child.timeout = TUNNEL_TIMEOUT * 1.1",
      "    child.expect('Out')",
    ].join("\n");
    expect(await packageFindings({ "IPython/core/tests/test_debugger.py": test })).toEqual([
      "IPython/core/tests/test_debugger.py:7: no-hardcoded-timeout",
    ]);
  });
});
