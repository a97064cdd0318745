import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Session 38 (issue 9), from blind set fresh103: @lcdev/ws-rpc's `createTimeout(ms, error)` arms a timer that rejects
// with the error its caller hands, and the caller hands `new RpcError("Connecting to WebSocket server timed out")`
// before racing the promise against the socket's `open`: the callers say the rejection is a deadline's.

const helper = [
  "function createTimeout(ms, error) {",
  "  let timeoutId;",
  "  const promise = new Promise((_, reject) => {",
  "    timeoutId = setTimeout(() => {",
  "      reject(error);",
  "    }, ms);",
  "  });",
  "  return [promise, () => clearTimeout(timeoutId)];",
  "}",
];

describe("a helper whose timer rejects with the error it is handed", () => {
  it("is a deadline helper when a caller hands an error that says it timed out", async () => {
    const code = [
      ...helper,
      "async function connect(connection) {",
      "  const [timeout, clear] = createTimeout(10000, new RpcError('Connecting to WebSocket server timed out'));",
      "  await Promise.race([once(connection, 'open'), timeout]).finally(clear);",
      "}",
    ];
    expect(await findingLines("client.js", code.join("\n"))).toEqual(["11: no-hardcoded-timeout"]);
  });

  it("is no deadline helper when its callers hand errors that say nothing of a timeout (a delayed failure)", async () => {
    const code = [
      ...helper,
      "const [failing] = createTimeout(100, new Error('boom'));",
      "await expect(failing).rejects.toThrow();",
    ];
    expect(await findingLines("client.test.js", code.join("\n"))).toEqual([]);
  });
});
