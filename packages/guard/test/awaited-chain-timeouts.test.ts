import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// A promise's own `.timeout(ms)` chained on a call and then waited for (session 33, guard-recall33): cypress-mailosaur's
// `Cypress.backend("http:request", o).timeout(10000).then(...)` (each HTTP request through the Cypress backend),
// bluebird's `fetchAll().timeout(3000).catch(...)`. The chain's next step waits for the operation or the timeout. A
// `.timeout(n)` on a plain object (`p.timeout(5000)`, nothing shows it is waited for) stays quiet, and a request
// builder's chained timeout is reported once.

describe("a promise's timeout waited for by its chain", () => {
  it("reports the timeout of a call's promise that .then or .catch waits for", async () => {
    const commands = [
      "function request(reqOptions, req) {",
      "  return Cypress.backend('http:request', reqOptions)",
      "    .timeout(10000)",
      "    .then(req.getResponseHandler(true));",
      "}",
      "function load(db) { return db.fetchAll().timeout(3000).catch(() => []); }",
      "function plain(p) { return p.timeout(5000); }",
      "function get(url) { return superagent.get(url).timeout(2500).then((r) => r.body); }",
      "module.exports = { request, load, plain, get };",
    ].join("\n");
    expect(await packageFindings({ "pkg/lib/commands.js": commands })).toEqual([
      "pkg/lib/commands.js:3: no-hardcoded-timeout",
      "pkg/lib/commands.js:6: no-hardcoded-timeout",
      "pkg/lib/commands.js:8: no-hardcoded-timeout",
    ]);
  });
});
