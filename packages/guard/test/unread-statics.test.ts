import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// Session 38 (issue 9), from blind set fresh94: the Stainless-generated `@snagsolutions/sdk` declares
// `static DEFAULT_TIMEOUT = 60000` on its client (compiled to `SnagSolutions.DEFAULT_TIMEOUT = 60000;`) while its
// constructor passes its own literal. No file of the package names the static again: it bounds nothing there.

const source = [
  "export class SnagSolutions extends Core {",
  "  constructor(options = {}) {",
  "    super({ timeout: options.timeout ?? 60000 });",
  "  }",
  "",
  "  static DEFAULT_TIMEOUT = 60000;",
  "}",
].join("\n");
const compiled = [
  '"use strict";',
  "class SnagSolutions extends Core {",
  "  constructor(options = {}) {",
  "    super({ timeout: options.timeout ?? 60000 });",
  "  }",
  "}",
  "exports.SnagSolutions = SnagSolutions;",
  "SnagSolutions.DEFAULT_TIMEOUT = 60000; // 1 minute",
].join("\n");
const declarations = [
  "export declare class SnagSolutions extends Core {",
  "  constructor(options?: ClientOptions);",
  "  static DEFAULT_TIMEOUT: number;",
  "}",
].join("\n");

describe("a class's static timeout that no file of the package reads", () => {
  it("is not reported, in the TypeScript source or the compiled copy; the constructor's literal is", async () => {
    const files = { "src/index.ts": source, "index.js": compiled, "index.d.ts": declarations };
    expect(await packageFindings(files)).toEqual([
      "index.js:4: no-hardcoded-timeout",
      "src/index.ts:3: no-hardcoded-timeout",
    ]);
  });

  it("is reported when a file reads it through the class", async () => {
    const reader = [
      "import { SnagSolutions } from './index.js';",
      "export const limit = SnagSolutions.DEFAULT_TIMEOUT;",
    ];
    const files = { "src/index.ts": source, "index.js": compiled, "src/limit.ts": reader.join("\n") };
    expect(await packageFindings(files)).toEqual([
      "index.js:4: no-hardcoded-timeout",
      "index.js:8: no-hardcoded-timeout",
      "src/index.ts:3: no-hardcoded-timeout",
      "src/index.ts:6: no-hardcoded-timeout",
    ]);
  });

  it("is reported when the file is judged alone (nothing is known to be unread)", async () => {
    expect(await packageFindings({ "src/index.ts": source }, undefined, false)).toEqual([
      "src/index.ts:3: no-hardcoded-timeout",
      "src/index.ts:6: no-hardcoded-timeout",
    ]);
  });

  it("is reported when it is set on an object the file does not declare (another library reads it)", async () => {
    const foreign = ["import Bluebird from 'bluebird';", "Bluebird.DEFAULT_TIMEOUT = 5000;"].join("\n");
    expect(await packageFindings({ "setup.js": foreign })).toEqual(["setup.js:2: no-hardcoded-timeout"]);
  });
});
