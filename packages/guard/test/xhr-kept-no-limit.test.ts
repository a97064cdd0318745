import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// A client's own "no limit" kept on its object and later set as an XMLHttpRequest's `timeout` (session 35, issue 9):
// @metamask/ethjs-provider-http keeps `self.timeout = timeout || 0` and every `sendAsync` sets `request.timeout =
// self.timeout` on `new XHR2()`; an XHR's timeout 0 is no timeout, so a provider built without one waits forever.
// The evidence is the reader, not the `|| 0`: the same field set on an object nobody here knows, or under another key
// of an XHR, stays unreported.

const provider = (builder: string, key = "timeout", header = "const XHR2 = require('xhr2');") => [
  header,
  "function HttpProvider(host, timeout) {",
  "  const self = this;",
  "  self.host = host;",
  "  self.timeout = timeout || 0;",
  "}",
  "HttpProvider.prototype.sendAsync = function (payload, callback) {",
  "  const self = this;",
  `  var request = new ${builder}();`,
  `  request.${key} = self.timeout;`,
  "  request.open('POST', self.host, true);",
  "  request.send(JSON.stringify(payload));",
  "};",
  "module.exports = HttpProvider;",
];

describe("a kept `|| 0` set as an XMLHttpRequest's timeout", () => {
  it("reports the fallback when the field becomes an xhr2 request's timeout", async () => {
    expect(await findingLines("provider.js", provider("XHR2").join("\n"))).toEqual(["5: no-unbounded-timeout"]);
  });

  it("reports it for the browser's XMLHttpRequest and the xmlhttprequest package's named export", async () => {
    expect(await findingLines("browser.js", provider("XMLHttpRequest", "timeout", "").join("\n"))).toEqual([
      "5: no-unbounded-timeout",
    ]);
    const named = provider("XHR", "timeout", "const { XMLHttpRequest: XHR } = require('xmlhttprequest');");
    expect(await findingLines("named.js", named.join("\n"))).toEqual(["5: no-unbounded-timeout"]);
  });

  it("stays quiet when the object is not an XMLHttpRequest or the field is set under another key", async () => {
    const other = provider("Transport", "timeout", "const Transport = require('./transport');");
    expect(await findingLines("other.js", other.join("\n"))).toEqual([]);
    expect(await findingLines("key.js", provider("XHR2", "retryDelay").join("\n"))).toEqual([]);
  });
});
