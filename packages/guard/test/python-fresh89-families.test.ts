import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Three Python families of session 36's fresh89 sample (issue 9), each with the neighbour that stays reported.

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

describe("httpx requests of a test that respx answers", () => {
  const test = (signature: string, decorator = "") =>
    [
      "import httpx",
      "import pytest",
      "import respx",
      "",
      ...(decorator ? [decorator] : []),
      `def test_client_async_only(${signature}):`,
      "    with httpx.Client() as client, pytest.raises(RuntimeError):",
      '        client.get("https://example.test/oauth/config")',
    ].join("\n");

  it("reports no httpx default when the test takes a respx router or respx_mock, or is decorated", async () => {
    expect(await findingLines("test_router.py", test("bmw_fixture: respx.Router"))).toEqual([]);
    expect(await findingLines("test_fixture.py", test("respx_mock"))).toEqual([]);
    expect(await findingLines("test_decorated.py", test("", "@respx.mock"))).toEqual([]);
  });

  it("still reports httpx's default in a test respx does not install", async () => {
    expect(await findingLines("test_plain.py", test("tmp_path"))).toEqual(["7: no-hardcoded-timeout"]);
  });
});
