import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// A setting declared under a timeout's key held by a constant (session 32, guard-py32): zigpy-znp's config schema
// `vol.Optional(CONF_SREQ_TIMEOUT, default=15)` with `CONF_SREQ_TIMEOUT = "sync_request_timeout"`, read by every sync
// request (fresh73 misses), is the setting's default timeout as `vol.Optional("timeout", default=30)` is. A constant
// holding another key, or a name bound to something else, stays silent.

describe("a schema default under a timeout's key held by a constant", () => {
  it("reports the default of a key a module constant names", async () => {
    const source = [
      "import voluptuous as vol",
      'CONF_SREQ_TIMEOUT = "sync_request_timeout"',
      'CONF_DEVICE = "device"',
      "SCHEMA = vol.Schema({",
      "    vol.Optional(CONF_SREQ_TIMEOUT, default=15): int,",
      "    vol.Optional(CONF_DEVICE, default=15): int,",
      "})",
    ];
    expect(await findingLines("radio/config.py", source.join("\n"))).toEqual(["5: no-hardcoded-timeout"]);
  });

  it("stays silent for a key bound twice or to no string", async () => {
    const source = [
      "import voluptuous as vol",
      'KEY = "sync_request_timeout" if NEW else "request_timeout"',
      "def schema(name):",
      "    return vol.Schema({vol.Optional(name, default=15): int, vol.Optional(KEY, default=15): int})",
    ];
    expect(await findingLines("radio/config.py", source.join("\n"))).toEqual([]);
  });
});
