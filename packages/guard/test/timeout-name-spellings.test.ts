import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Session 38 (issue 9), from blind set fresh95: jenkinsapi's `safe_exit(self, max_wait=360)` and
// `block_until_complete(..., maxwait=12000)` bound their waits for Jenkins by a parameter named `max_wait`: Python's
// spelling of a timeout. JavaScript's `maxWait` is lodash's debounce option (a quiet period's cap), not one.

describe("max_wait names", () => {
  it("Python: a max_wait, maxwait or max_wait_seconds default is a hardcoded timeout", async () => {
    const code = [
      "import time",
      "",
      "def wait_down(client, max_wait=360):",
      "    for _ in range(max_wait):",
      "        if not client.alive():",
      "            return",
      "        time.sleep(1)",
      "    raise TimeoutError('still up')",
      "",
      "def block_until_complete(jobs, maxwait=12000, interval=30):",
      "    for _ in range(maxwait, 0, -interval):",
      "        if all(job.done() for job in jobs):",
      "            return",
      "        time.sleep(interval)",
      "",
      "def wait_for_status(vna, max_wait_seconds=30):",
      "    vna.wait(max_wait_seconds)",
    ];
    expect(await findingLines("jenkins.py", code.join("\n"))).toEqual([
      "3: no-hardcoded-timeout",
      "10: no-hardcoded-timeout",
      "16: no-hardcoded-timeout",
    ]);
  });

  it("JavaScript: lodash's debounce maxWait is no timeout", async () => {
    const code = [
      "import debounce from 'lodash/debounce';",
      "export const save = debounce(flush, 100, { maxWait: 1000 });",
    ];
    expect(await findingLines("save.js", code.join("\n"))).toEqual([]);
  });
});

// Session 38 (issue 9), from blind set fresh102: pyvlx's `ApiEvent(pyvlx, timeout_in_seconds=10)` arms a `call_later`
// timer that ends the wait for the answer frame. A unit of seconds or shorter after "in" keeps the name a timeout's;
// minutes and hours (posthog's `INACTIVITY_TIMEOUT_IN_MINUTES`, a session's expiry) stay out.
describe("timeout names with their unit after 'in'", () => {
  it("Python: timeout_in_seconds and TIMEOUT_IN_MS defaults are hardcoded timeouts; _IN_MINUTES is not read as one", async () => {
    const code = [
      "import asyncio",
      "",
      "class ApiEvent:",
      "    def __init__(self, pyvlx, timeout_in_seconds=10):",
      "        self.timeout_in_seconds = timeout_in_seconds",
      "",
      "    async def wait(self, done):",
      "        await asyncio.wait_for(done.wait(), self.timeout_in_seconds)",
      "",
      "READ_TIMEOUT_IN_MS = 2500",
      "INACTIVITY_TIMEOUT_IN_MINUTES = 30",
    ];
    expect(await findingLines("api_event.py", code.join("\n"))).toEqual([
      "4: no-hardcoded-timeout",
      "10: no-hardcoded-timeout",
    ]);
  });
});
