import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// A timer armed with a configured timeout plus a literal pad (session 33, guard-recall33): raven's watchdog after an
// uncaught exception, `setTimeout(() => onFatalError(...), (sendTimeout + 1) * 1000)`, calls a function no rule reads
// as a deadline, yet the delay is the send timeout extended by a literal second: the pad rule's literal bound. A pad on
// a name that is no timeout (an interval), a test waiting past the timeout under test, and a retry pause stay quiet.

describe("timers armed with a padded timeout", () => {
  it("reports the pad whatever the callback does, in library code", async () => {
    const client = [
      "function Client(options) { this.sendTimeout = options.sendTimeout; }",
      "Client.prototype.onException = function (err) {",
      "  var self = this;",
      "  setTimeout(function () { self.onFatalError(err); }, (self.sendTimeout + 1) * 1000);",
      "  setTimeout(function () { self.tick(); }, self.interval + 1000);",
      "  setTimeout(function () { self.onFatalError(err); }, self.sendTimeout * 1000);",
      "};",
      "module.exports = Client;",
    ].join("\n");
    const test = [
      "const Client = require('../lib/client');",
      "it('fires the timeout', (done) => {",
      "  const client = new Client({ timeout: Client.TEST_TIMEOUT });",
      "  setTimeout(() => { expect(client.timedOut).toBe(true); done(); }, client.timeout + 100);",
      "});",
    ].join("\n");
    expect(await packageFindings({ "pkg/lib/client.js": client, "pkg/test/client.test.js": test })).toEqual([
      "pkg/lib/client.js:4: no-hardcoded-timeout",
    ]);
  });
});
