import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// An interval's period handed as a field of an options object (session 59, fresh323): bitcore-wallet-client's
// `subscribe(params)` reads `timeout` from its options only as the period of an interval that runs one round of a
// session poll, so a caller's `tss.subscribe({ timeout: 10 })` (its tests) bounds nothing. An interval that gives a
// silent peer up, and a field also read as a deadline, stay reported.

const session = [
  "export class TssKey {",
  "  subscribe(params = {}) {",
  "    const { timeout, iterHandler } = params;",
  "    this.subscriptionId = setInterval(async () => {",
  "      const { body } = await this.request.get(`/v1/tss/keygen/${this.id}`);",
  '      if (body.messages?.length === this.n - 1) this.emit("roundready");',
  "      if (iterHandler) iterHandler();",
  "    }, timeout || 1000);",
  "    return this.subscriptionId;",
  "  }",
  "}",
].join("\n");

const tests = [
  'import { TssKey } from "../src/tsskey.js";',
  'it("generates a key", async function () {',
  "  const tss = new TssKey();",
  "  tss.subscribe({ timeout: 10, iterHandler: () => tss.unsubscribe() });",
  '  await new Promise((resolve) => tss.on("complete", resolve));',
  "});",
].join("\n");

describe("an interval's period handed as an options field", () => {
  it("silences the field of the callers' objects", async () => {
    expect(await packageFindings({ "src/tsskey.js": session, "test/tss.test.js": tests })).toEqual([]);
  });

  it("silences it when the method destructures its options in its signature", async () => {
    const signature = session
      .replace("  subscribe(params = {}) {", "  subscribe({ timeout, iterHandler } = {}) {")
      .replace("    const { timeout, iterHandler } = params;\n", "");
    expect(await packageFindings({ "src/tsskey.js": signature, "test/tss.test.js": tests })).toEqual([]);
  });

  it("reports it without the method that paces with it", async () => {
    expect(await packageFindings({ "test/tss.test.js": tests })).toEqual(["test/tss.test.js:4: no-hardcoded-timeout"]);
  });

  it("keeps the field reported when the interval gives a silent peer up", async () => {
    const watchdog = session.replace(
      '      if (body.messages?.length === this.n - 1) this.emit("roundready");',
      "      if (!body.alive) return this.socket.terminate();",
    );
    expect(await packageFindings({ "src/tsskey.js": watchdog, "test/tss.test.js": tests })).toEqual([
      "src/tsskey.js:8: no-hardcoded-timeout",
      "test/tss.test.js:4: no-hardcoded-timeout",
    ]);
  });

  it("keeps the field reported when the method also bounds a wait with it", async () => {
    const both = session.replace(
      "    return this.subscriptionId;",
      '    setTimeout(() => this.emit("error", new Error("timed out")), timeout);\n    return this.subscriptionId;',
    );
    expect(await packageFindings({ "src/tsskey.js": both, "test/tss.test.js": tests })).toEqual([
      "test/tss.test.js:4: no-hardcoded-timeout",
    ]);
  });
});
