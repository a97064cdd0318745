import { describe, expect, it } from "vitest";
import { findingLines, packageFindings } from "./helpers.ts";

// Session 37 (issue 9), from fresh98's aiohasupervisor: a package's client method that hands its `timeout` through
// `self._request` to an aiohttp `ClientSession` (made by the client when the caller gives none), called from other
// modules with an explicit `timeout=None`. aiohttp turns that None into `ClientTimeout(total=None)`: no limit.

const client = (replaced = "") =>
  [
    "from aiohttp import ClientSession, ClientTimeout",
    "",
    "DEFAULT_TIMEOUT = ClientTimeout(total=10)",
    "",
    "class SupervisorClient:",
    "    def __init__(self, api_host, session=None):",
    "        self.api_host = api_host",
    "        self.session = session",
    "",
    "    async def _request(self, method, uri, *, timeout=DEFAULT_TIMEOUT):",
    ...(replaced ? [replaced] : []),
    "        if self.session is None:",
    "            self.session = ClientSession()",
    "        return await self.session.request(method, self.api_host + uri, timeout=timeout)",
    "",
    "    async def post(self, uri, *, timeout=DEFAULT_TIMEOUT):",
    '        return await self._request("POST", uri, timeout=timeout)',
  ].join("\n");

const addons = [
  "class AddonsClient:",
  "    def __init__(self, client):",
  "        self._client = client",
  "",
  "    async def restart_addon(self, addon):",
  '        await self._client.post(f"addons/{addon}/restart", timeout=None)',
  "",
  "    async def stop_addon(self, addon):",
  '        await self._client.post(f"addons/{addon}/stop")',
].join("\n");

describe("an explicit None to a client method that waits with its timeout", () => {
  it("is unbounded when every definition hands it to an aiohttp session's request", async () => {
    expect(await packageFindings({ "sv/client.py": client(), "sv/addons.py": addons })).toEqual([
      "sv/addons.py:6: no-unbounded-timeout",
      "sv/client.py:3: no-hardcoded-timeout",
    ]);
  });

  it("is not reported when the method replaces a None before the request", async () => {
    const replaced = client("        timeout = DEFAULT_TIMEOUT if timeout is None else timeout");
    expect(await packageFindings({ "sv/client.py": replaced, "sv/addons.py": addons })).toEqual([
      "sv/client.py:3: no-hardcoded-timeout",
    ]);
  });
});

describe("a client method defined again where the package pass cannot read it", () => {
  it("is no known wait: another definition of the name in a module that does not parse may replace the None", async () => {
    const broken = ["class Other:", "    def post(self, uri, timeout=None:", "        return uri"].join("\n");
    const found = await packageFindings({ "sv/client.py": client(), "sv/addons.py": addons, "sv/other.py": broken });
    expect(found.filter((line) => line.includes("unbounded"))).toEqual([]);
  });
});

describe("an aiohttp session's request", () => {
  it("with timeout=None waits without limit, the session bound in the function or by `async with`", async () => {
    const source = [
      "import aiohttp",
      "",
      "async def fetch(url):",
      "    session = aiohttp.ClientSession()",
      "    return await session.get(url, timeout=None)",
      "",
      "async def send(url):",
      "    async with aiohttp.ClientSession() as s:",
      "        return await s.post(url, timeout=None)",
      "",
      "async def given(s, url):",
      "    return await s.post(url, timeout=None)",
    ].join("\n");
    // A parameter's object (line 12) may be anything: its None is not read.
    expect(await findingLines("fetch.py", source)).toEqual(["5: no-unbounded-timeout", "9: no-unbounded-timeout"]);
  });
});

describe("a requests session's send", () => {
  it("waits without limit on a kept None; a bound kept instead is no unbounded wait", async () => {
    const io = (value: string) =>
      [
        "from requests import Request, Session",
        "",
        "class StacApiIO:",
        `    def __init__(self, headers=None, timeout=${value}):`,
        "        self.session = Session()",
        "        self.timeout = timeout",
        "",
        "    def request(self, href):",
        "        prepped = self.session.prepare_request(Request('GET', href))",
        "        return self.session.send(prepped, timeout=self.timeout)",
      ].join("\n");
    expect(await findingLines("io.py", io("None"))).toEqual(["4: no-unbounded-timeout"]);
    expect(await findingLines("io.py", io("30"))).toEqual(["4: no-hardcoded-timeout"]);
  });
});
