import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Two JS families of session 36's fresh92 sample (issue 9).
// 1. A module's top-level constant no code names again (a bundle's leftover `var DEFAULT_TIMESTAMP_TIMEOUT_MS = 60 *
//    1e3 * 3`, @web3-name-sdk/core's injName bundle): nothing reads it. A classic script's top-level `var` is a global
//    another script may read, and an exported constant is read by other modules: both stay reported.
// 2. ms-rest-azure's `longRunningOperationRetryTimeout` (every generated azure-arm-* client sets it to 30): the pause
//    between polls of a long-running operation, known by the module the file loads.

describe("a module's top-level constant nobody names", () => {
  it("is not reported in a CommonJS or ES module", async () => {
    const cjs = [
      "var DEFAULT_TIMESTAMP_TIMEOUT_MS = 60 * 1e3 * 3;",
      "var api = require('./api');",
      "module.exports = api;",
    ];
    expect(await findingLines("bundle.cjs", cjs.join("\n"))).toEqual([]);
    const esm = ["const DEFAULT_TIMEOUT_MS = 30000;", "export function ping() { return 1; }"];
    expect(await findingLines("bundle.mjs", esm.join("\n"))).toEqual([]);
  });

  it("is still reported when it is read, exported, or a classic script's global", async () => {
    const read = [
      "const DEFAULT_TIMEOUT_MS = 30000;",
      "export function ping(socket) { socket.setTimeout(DEFAULT_TIMEOUT_MS); }",
    ];
    expect(await findingLines("read.mjs", read.join("\n"))).toEqual(["1: no-hardcoded-timeout"]);
    expect(await findingLines("exported.mjs", "export const DEFAULT_TIMEOUT_MS = 30000;")).toEqual([
      "1: no-hardcoded-timeout",
    ]);
    expect(await findingLines("script.js", "var REQUEST_TIMEOUT_MS = 30000;")).toEqual(["1: no-hardcoded-timeout"]);
  });
});

describe("ms-rest-azure's long-running-operation retry timeout", () => {
  const client = (module: string) =>
    [
      `const msRestAzure = require('${module}');`,
      "class GraphRbacManagementClient extends msRestAzure.AzureServiceClient {",
      "  constructor(credentials, options) {",
      "    super(credentials, options);",
      "    this.longRunningOperationRetryTimeout = 30;",
      "    this.requestTimeout = 30;",
      "  }",
      "}",
      "module.exports = GraphRbacManagementClient;",
    ].join("\n");

  it("is the pause between polls in a client built on ms-rest-azure", async () => {
    // The other timeout-named field of the same client stays reported.
    expect(await findingLines("client.js", client("ms-rest-azure"))).toEqual(["6: no-hardcoded-timeout"]);
  });

  it("stays reported when the file loads another library", async () => {
    expect(await findingLines("client.js", client("some-azure-fork"))).toEqual([
      "5: no-hardcoded-timeout",
      "6: no-hardcoded-timeout",
    ]);
  });
});
