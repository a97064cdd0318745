import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, packageFacts } from "../src/index.ts";

// A package's own httpx client class (session 32, guard-py32): anta's vendored `asynceapi.Device(httpx.AsyncClient)`
// hands its `**kwargs` to httpx's constructor, so `AsyncEOSDevice(timeout=None)` handing its None on as
// `asynceapi.Device(..., timeout=timeout)` keeps httpx's "no limit" for every eAPI call (README "A wait's own "no
// limit" default": an object's kept None is real), though `device.py` of asynceapi never names a timeout.

const config = defaultGuardConfig(process.cwd());

const CLIENT = [
  "import httpx",
  "class Device(httpx.AsyncClient):",
  "    def __init__(self, host=None, proto='https', **kwargs: object) -> None:",
  "        kwargs.setdefault('base_url', httpx.URL(f'{proto}://{host}'))",
  "        super().__init__(**kwargs)",
];
const INIT = "from .device import Device\n";
const USER = [
  "import asynceapi",
  "class AsyncEOSDevice:",
  "    def __init__(self, host, timeout: float | None = None):",
  "        self._session: asynceapi.Device = asynceapi.Device(host=host, timeout=timeout)",
  "    async def run(self, command):",
  "        return await self._session.post('/command-api', json=command)",
].join("\n");

async function userFindings(client: readonly string[]): Promise<string[]> {
  const files: [string, string][] = [
    ["pkg/asynceapi/device.py", client.join("\n")],
    ["pkg/asynceapi/__init__.py", INIT],
    ["pkg/anta/device.py", USER],
  ];
  const facts = await packageFacts(files, config);
  const { messages } = await checkSource("pkg/anta/device.py", USER, config, facts);
  return messages.map((m) => `${m.line}: ${m.ruleId}`);
}

describe("a timeout=None handed to the package's own httpx client class", () => {
  it("reports the constructor's None that the package's httpx subclass keeps", async () => {
    expect(await userFindings(CLIENT)).toEqual(["3: no-unbounded-timeout"]);
  });

  it("stays silent where the subclass replaces or drops the timeout, or is no httpx client", async () => {
    const replaced = [...CLIENT.slice(0, 4), "        kwargs['timeout'] = 10", ...CLIENT.slice(4)];
    expect(await userFindings(replaced)).toEqual([]);
    const dropped = CLIENT.map((line) => line.replace("super().__init__(**kwargs)", "super().__init__()"));
    expect(await userFindings(dropped)).toEqual([]);
    const other = CLIENT.map((line) => line.replace("httpx.AsyncClient", "object"));
    expect(await userFindings(other)).toEqual([]);
  });
});
