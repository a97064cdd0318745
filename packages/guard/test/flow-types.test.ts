import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig } from "../src/index.ts";

const config = defaultGuardConfig(import.meta.dirname);
const found = async (path: string, source: string) =>
  (await checkSource(path, source, config)).messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);

// oxc-parser reads no Flow: a `.js` file with Flow types (React Native, Facebook-style packages) was a parse error and
// never checked. Its types are blanked out (flow-remove-types) and it is checked where its code stands.
describe("JavaScript with Flow types", () => {
  it("checks a @flow file, its finding at the line and column of the source", async () => {
    const source = [
      "/* @flow */",
      'import type { Server } from "http";',
      'const http = require("http");',
      "function start(app: Object, port: number): Server {",
      "  const server: Server = http.createServer(app);",
      "  server.timeout = 0;",
      "  return server;",
      "}",
    ].join("\n");
    const messages = await found("server.js", source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^6:20 no-unbounded-timeout /);
  });

  it("checks Flow without the pragma, and a choice between two servers is a server", async () => {
    const source = [
      'const http = require("http");',
      'const https = require("https");',
      "function start(app: Object, args: { https: boolean }): void {",
      "  const server = args.https ? https.createServer({}, app) : http.createServer(app);",
      "  server.timeout = 0;",
      "}",
    ].join("\n");
    expect(await found("server.js", source)).toEqual([expect.stringMatching(/^5:20 no-unbounded-timeout /)]);
  });

  it("finds nothing in a @flow file without a timeout, and keeps a non-Flow syntax error a parse error", async () => {
    expect(await found("clean.js", "/* @flow */\nfunction f(args: Object): number {\n  return args.n;\n}\n")).toEqual(
      [],
    );
    const broken = await found("broken.js", "/* @flow */\nfunction (a: number {\n");
    expect(broken).toEqual(["2:10 parse-error Syntax error: Unexpected token `(`, expected an identifier"]);
    expect(await found("broken.js", "function (a {\n")).toEqual([
      "1:10 parse-error Syntax error: Expected function name",
    ]);
  });
});
