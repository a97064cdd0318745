import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Session 41's blind set fresh123 (issue 9): httpsnippet-lite's code generators default a `timeout` option and write
// it into the snippet they return (PHP cURL's `CURLOPT_TIMEOUT => 30`, Objective-C's `timeoutInterval:10.0`).
// Nothing in the package waits on it: the number is text for another program.

const objc = (use: string) =>
  [
    "export const nsurlsession = {",
    "  convert: ({ fullUrl }, options) => {",
    "    const opts = { indent: '    ', pretty: true, timeout: 10, ...options };",
    "    const lines = [];",
    '    lines.push(`NSURL *url = [NSURL URLWithString:@"${fullUrl}"];`);',
    use,
    "    return lines.join(opts.indent);",
    "  },",
    "};",
  ].join("\n");

const php = (use: string) =>
  [
    "export const curl = {",
    "  convert: ({ fullUrl }, options = {}) => {",
    "    const { indent = '  ', maxRedirects = 10, timeout = 30 } = options;",
    "    const curlOptions = [",
    "      { name: 'CURLOPT_URL', value: fullUrl },",
    "      { name: 'CURLOPT_MAXREDIRS', value: maxRedirects },",
    use,
    "    ];",
    "    return curlOptions.map(({ name, value }) => `${indent}${name} => ${value},`).join('\\n');",
    "  },",
    "};",
  ].join("\n");

describe("an option default a code generator writes into its snippet", () => {
  it("an options object's timeout read only inside a template literal is text", async () => {
    const use = "    lines.push(`timeoutInterval:${opts.timeout.toFixed(1)}];`);";
    expect(await findingLines("targets/objc/client.js", objc(use))).toEqual([]);
  });

  it("the same option handed to a request is a timeout", async () => {
    const use = "    lines.push(`timeoutInterval:${opts.timeout}`); request(fullUrl, { timeout: opts.timeout });";
    expect(await findingLines("targets/objc/client.js", objc(use))).toEqual(["3: no-hardcoded-timeout"]);
  });

  it("an options object handed on whole keeps its timeout", async () => {
    const use = "    lines.push(`timeoutInterval:${opts.timeout}`); send(fullUrl, opts);";
    expect(await findingLines("targets/objc/client.js", objc(use))).toEqual(["3: no-hardcoded-timeout"]);
  });

  it("a destructured default in a name/value record of a timeout option is text", async () => {
    const use = "      { name: 'CURLOPT_TIMEOUT', value: timeout },";
    expect(await findingLines("targets/php/client.js", php(use))).toEqual([]);
  });

  it("a destructured default handed to a method of another object stays a timeout", async () => {
    const use = "      { name: `CURLOPT_TIMEOUT_${jobModule.schedule(fullUrl, timeout)}`, value: 1 },";
    expect(await findingLines("targets/php/client.js", php(use))).toEqual(["3: no-hardcoded-timeout"]);
  });

  it("the record of another option keeps the default a timeout", async () => {
    const use = "      { name: 'CURLOPT_PORT', value: timeout },";
    expect(await findingLines("targets/php/client.js", php(use))).toEqual(["3: no-hardcoded-timeout"]);
  });

  // @blinkdotnew/sdk's `waitForReady` (session 55, fresh265): the poll loop holds its time against the option, and its
  // error message writes it out; the comparison is a bound, not a test of the option.
  it("a default the clock's elapsed time is compared with stays a timeout, whatever its message writes", async () => {
    const source = [
      "export async function waitForReady(id, options) {",
      "  const { timeoutMs = 12e4, pollIntervalMs = 2e3 } = options || {};",
      "  const start = Date.now();",
      "  while (Date.now() - start < timeoutMs) {",
      "    if ((await getDocument(id)).status === 'ready') return;",
      "    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));",
      "  }",
      "  throw new Error(`Document processing timeout after ${timeoutMs}ms`);",
      "}",
    ].join("\n");
    expect(await findingLines("dist/index.js", source)).toEqual(["2: no-hardcoded-timeout"]);
  });
});
