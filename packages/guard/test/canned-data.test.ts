import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// Session 38 (issue 9), from blind set fresh101: marathon-event-bus-client's `tests/exampleEvents.js` is a JSON
// document pasted into a module, the events its mock server sends; a health check's `"timeoutSeconds": 10` in it is
// data nothing waits on. A hand-written config with bare keys, even in a tests folder, stays judged.

const events = [
  '"use strict";',
  "",
  "module.exports = {",
  '  "add_health_check_event": {',
  '    "eventType": "add_health_check_event",',
  '    "labels": {},',
  '    "healthCheck": { "protocol": "HTTP", "portIndex": 0, "timeoutSeconds": 10, "ports": [10001], "user": null }',
  "  }",
  "};",
].join("\n");

describe("a tests folder's module of JSON-style data", () => {
  it("is not reported", async () => {
    expect(await packageFindings({ "tests/exampleEvents.js": events })).toEqual([]);
  });

  it("is reported outside a tests folder (a module of the library itself)", async () => {
    expect(await packageFindings({ "lib/defaults.js": events })).toEqual(["lib/defaults.js:7: no-hardcoded-timeout"]);
  });

  it("is reported when its keys are bare (a hand-written config the tests run with)", async () => {
    const config = "module.exports = {\n  server: { timeoutSeconds: 10 },\n};";
    expect(await packageFindings({ "test/config.js": config })).toEqual(["test/config.js:2: no-hardcoded-timeout"]);
  });
});
