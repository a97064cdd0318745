import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Session 43 (issue 9): Node's own HTTP client sets no timeout on a request, so `https.get(options, cb)` with nothing
// near it bounding the request waits forever when the server stops answering (@serverless/utils-china's Tencent
// Cloud client, @serverless-stack's CloudFormation responses: labelled real, missed until now).

describe("a request of Node's own HTTP client that nothing bounds", () => {
  it("is reported, with its options written in place or in a local named nowhere else", async () => {
    const code = [
      "const https = require('https');",
      "function call(host, path) {",
      "  const options = { hostname: host, path };",
      "  return new Promise((resolve, reject) => {",
      "    const req = https.get(options, (res) => res.on('data', resolve));",
      "    req.on('error', reject);",
      "  });",
      "}",
      "function send(url, body) {",
      "  const req = https.request(url, { method: 'PUT' }, () => {});",
      "  req.end(body);",
      "}",
    ];
    expect(await findingLines("src/client.js", code.join("\n"))).toEqual([
      "5: no-unbounded-timeout",
      "10: no-unbounded-timeout",
    ]);
  });

  it("is not reported when its function bounds it, its options may, or it is a test's", async () => {
    const code = [
      "import http from 'node:http';",
      "function a(url) {",
      "  const req = http.get(url, () => {});",
      "  req.setTimeout(config.TIMEOUT, () => req.destroy());",
      "}",
      "function b(url) {",
      "  return http.request(url, { timeout: config.TIMEOUT, method: 'POST' });",
      "}",
      "function c(url, agent) {",
      "  return http.request(url, { agent });",
      "}",
      "function d(url, options) {",
      "  return http.get(url, options);",
      "}",
      "function e(url) {",
      "  return http.get(url, { signal: AbortSignal.timeout(config.TIMEOUT) });",
      "}",
    ];
    expect(await findingLines("src/bounded.js", code.join("\n"))).toEqual([]);
    const test = [
      "const http = require('http');",
      "it('answers', (done) => {",
      "  http.get(url, () => done());",
      "});",
    ];
    expect(await findingLines("test/server.test.js", test.join("\n"))).toEqual([]);
  });

  it("is judged at a module's top level against the whole module", async () => {
    const script = [
      "const https = require('https');",
      "https.get('https://example.com/latest.json', (res) => res.pipe(process.stdout));",
    ];
    expect(await findingLines("scripts/latest.js", script.join("\n"))).toEqual(["2: no-unbounded-timeout"]);
    const bounded = [
      "const https = require('https');",
      "const req = https.get('https://example.com/latest.json', (res) => res.pipe(process.stdout));",
      "req.setTimeout(config.TIMEOUT, () => req.destroy());",
    ];
    expect(await findingLines("scripts/bounded.js", bounded.join("\n"))).toEqual([]);
  });
});
