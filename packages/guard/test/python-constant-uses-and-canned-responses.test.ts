import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Session 40 (issue 9), from fresh115/fresh116: a timeout constant is reported where it is written, not again where
// it is wrapped or scaled; a testing package's canned API responses hold no waits.
describe("uses of a timeout constant", () => {
  const source = (use: string) =>
    [
      "import asyncio",
      "import aiohttp",
      "",
      "POWER_STATE_TIMEOUT = 1.2",
      "",
      "async def query(session, url, fut):",
      `    ${use}`,
    ].join("\n");

  it("reports the constant only, not its share or margin (flux_led, sshtunnel) at the use", async () => {
    for (const use of [
      "await asyncio.wait_for(fut, POWER_STATE_TIMEOUT * (5 / 8))",
      "await asyncio.wait_for(fut, POWER_STATE_TIMEOUT / 2)",
    ])
      expect(await findingLines("device.py", source(use))).toEqual(["4: no-hardcoded-timeout"]);
  });

  it("still reports a whole multiple, a unit conversion and a wrapper of the constant (casperjs, pitivi, mcp)", async () => {
    for (const use of [
      "await asyncio.wait_for(fut, 3 * POWER_STATE_TIMEOUT)",
      "await asyncio.wait_for(fut, POWER_STATE_TIMEOUT * 1000)",
      "await session.get(url, timeout=aiohttp.ClientTimeout(POWER_STATE_TIMEOUT))",
    ])
      expect(await findingLines("device.py", source(use))).toEqual([
        "4: no-hardcoded-timeout",
        "7: no-hardcoded-timeout",
      ]);
  });

  it("still reports a literal wrapped or scaled at the use", async () => {
    expect(
      await findingLines("device.py", source("await session.get(url, timeout=aiohttp.ClientTimeout(10))")),
    ).toContain("7: no-hardcoded-timeout");
    expect(await findingLines("device.py", source("await asyncio.wait_for(fut, 1.2 * 5)"))).toContain(
      "7: no-hardcoded-timeout",
    );
  });
});

describe("canned responses in a testing package's data folder (globus-sdk's _testing/data)", () => {
  const source = (extraImport = "") =>
    [
      "import uuid",
      ...(extraImport ? [extraImport] : []),
      "from globus_sdk._testing.models import RegisteredResponse, ResponseSet",
      "",
      "def make_response_body(args):",
      "    return {**args, 'id': str(uuid.uuid1())}",
      "",
      "RESPONSES = ResponseSet(",
      "    default=RegisteredResponse(",
      '        service="auth",',
      '        path="/v2/api/policies",',
      '        json={"policy": {"authentication_assurance_timeout": 35}},',
      "    ),",
      ")",
    ].join("\n");

  it("reports no timeout in a response body of a data module", async () => {
    expect(await findingLines("globus_sdk/_testing/data/auth/get_policy.py", source())).toEqual([]);
  });

  it("still reports it outside a data folder, or in a data module that imports a client", async () => {
    expect(await findingLines("globus_sdk/services/auth/policy.py", source())).toEqual(["11: no-hardcoded-timeout"]);
    expect(await findingLines("globus_sdk/_testing/data/auth/get_policy.py", source("import requests"))).toEqual([
      "12: no-hardcoded-timeout",
    ]);
  });
});
