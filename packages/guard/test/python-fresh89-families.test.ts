import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Two Python families of session 36's fresh89 sample (issue 9), each with the neighbour that stays reported (the third,
// tests that mock the HTTP layer, is in http-mocked-tests.test.ts).

describe("a timeout object whose reads are bounded", () => {
  it("does not call total=None unbounded beside a read bound", async () => {
    const source = [
      "import aiohttp",
      "DEFAULT_TIMEOUT = aiohttp.ClientTimeout(total=None, sock_connect=5, sock_read=5)",
      "import urllib3",
      "POOL_TIMEOUT = urllib3.Timeout(total=None, connect=2.0, read=10.0)",
    ];
    // The 5 s and 2/10 s bounds stay hardcoded timeouts (one finding each); the None beside them is no unbounded wait.
    expect(await findingLines("session.py", source.join("\n"))).toEqual([
      "2: no-hardcoded-timeout",
      "2: no-hardcoded-timeout",
      "4: no-hardcoded-timeout",
      "4: no-hardcoded-timeout",
    ]);
  });

  it("still calls total=None unbounded when nothing bounds the reads", async () => {
    const source = [
      "import aiohttp",
      "FOREVER = aiohttp.ClientTimeout(total=None)",
      "CONNECT_ONLY = aiohttp.ClientTimeout(total=None, sock_connect=5, sock_read=None)",
    ];
    // Line 3, in column order: total=None, the connect bound, sock_read=None.
    expect(await findingLines("session.py", source.join("\n"))).toEqual([
      "2: no-unbounded-timeout",
      "3: no-unbounded-timeout",
      "3: no-hardcoded-timeout",
      "3: no-unbounded-timeout",
    ]);
  });
});

describe("a timeout-named parameter only slept for between two guarded steps", () => {
  const reconnect = (after: string[]) =>
    [
      "import time",
      "",
      "class Chrome:",
      "    def reconnect(self, timeout=0.1):",
      "        try:",
      "            self.service.stop()",
      "        except Exception as e:",
      "            logger.debug(e)",
      "        time.sleep(timeout)",
      ...after,
    ].join("\n");

  it("is a pause when try-wrapped steps come before and after the sleep", async () => {
    const source = reconnect(["        try:", "            self.service.start()", "        except Exception as e:"]);
    expect(await findingLines("chrome.py", `${source}\n            logger.debug(e)`)).toEqual([]);
  });

  it("stays a timeout when what follows the sleep checks what came meanwhile", async () => {
    const source = reconnect([
      "        try:",
      "            self.assert_running()",
      "        except Exception as e:",
      "            logger.debug(e)",
    ]);
    expect(await findingLines("chrome.py", source)).toEqual(["4: no-hardcoded-timeout"]);
  });
});
