import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// Session 60 (issue 9), from blind set fresh348 (cojson-transport-ws): a reconnection delay kept in a field and read only
// scaled by the count of tries (`this.reconnectionTimeout * this.reconnectionAttempts`) is a backoff's base, how long to
// wait before trying again: its fallback and the options its tests hand in bound nothing. The package pass decides it
// on every file's text.
const peer = [
  "export class PeerWithReconnection {",
  "  reconnectionAttempts = 0;",
  "  constructor(opts) {",
  "    this.reconnectionTimeout = opts.reconnectionTimeout || 500;",
  "    this.pingTimeout = opts.pingTimeout || 10000;",
  "  }",
  "  async startConnection() {",
  "    this.reconnectionAttempts++;",
  "    const timeout = this.reconnectionTimeout * this.reconnectionAttempts;",
  "    await this.waitForOnline(timeout);",
  "    return connect({ pingTimeout: this.pingTimeout });",
  "  }",
  "}",
].join("\n");
const spec = [
  "import { PeerWithReconnection } from './peer.js';",
  "test('reconnects', () => {",
  "  const peer = new PeerWithReconnection({ reconnectionTimeout: 100, pingTimeout: 2000 });",
  "  peer.startConnection();",
  "});",
].join("\n");

describe("a timeout-named field the package reads only scaled by a count of tries", () => {
  it("is not reported, where it falls back or where a caller sets it; the ping timeout beside it is", async () => {
    expect(await packageFindings({ "peer.js": peer, "peer.test.js": spec })).toEqual([
      "peer.js:5: no-hardcoded-timeout",
      "peer.test.js:3: no-hardcoded-timeout",
    ]);
  });

  it("is reported when a file also reads it as it is (a bound, not only a backoff's base)", async () => {
    const reader = `${peer}\nexport const limit = (p) => connect({ timeout: p.reconnectionTimeout });`;
    expect(await packageFindings({ "peer.js": reader, "peer.test.js": spec })).toEqual([
      "peer.js:4: no-hardcoded-timeout",
      "peer.js:5: no-hardcoded-timeout",
      "peer.test.js:3: no-hardcoded-timeout",
      "peer.test.js:3: no-hardcoded-timeout",
    ]);
  });

  it("is reported when the file is judged alone", async () => {
    expect(await packageFindings({ "peer.js": peer }, undefined, false)).toEqual([
      "peer.js:4: no-hardcoded-timeout",
      "peer.js:5: no-hardcoded-timeout",
    ]);
  });
});
