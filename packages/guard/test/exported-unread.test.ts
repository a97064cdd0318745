import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, packageFacts } from "../src/index.ts";

// JS `no-hardcoded-timeout`, session 23 (issue 9): an exported constant no other line of its package reads bounds no
// wait (botbuilder-core's `export const OAuthLoginTimeoutMsValue = 900000`, and its emitted `exports.X = 900000`).
// Kept: one another file imports and hands to a request, one read in its own file, one a string names.
const config = defaultGuardConfig(import.meta.dirname);

const files: [string, string][] = [
  [
    "/pkg/src/settings.ts",
    [
      "export const OAuthLoginTimeoutMsValue = 900000;",
      "export const RequestTimeoutMs = 5000;",
      "export const LOCAL_TIMEOUT = 3000;",
      "export const NAMED_TIMEOUT = 4000;",
      "setTimeout(() => controller.abort(), LOCAL_TIMEOUT);",
      'export const keys = ["NAMED_TIMEOUT"];',
      "",
    ].join("\n"),
  ],
  [
    "/pkg/lib/settings.js",
    [
      "exports.RequestTimeoutMs = exports.OAuthLoginTimeoutMsValue = void 0;",
      "exports.OAuthLoginTimeoutMsValue = 900000;",
      "exports.RequestTimeoutMs = 5000;",
      "",
    ].join("\n"),
  ],
  [
    "/pkg/src/client.ts",
    [
      'import { RequestTimeoutMs } from "./settings";',
      "export const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(RequestTimeoutMs) });",
      "",
    ].join("\n"),
  ],
  ["/pkg/lib/settings.d.ts", "export declare const OAuthLoginTimeoutMsValue = 900000;\n"],
];

async function lines(withFacts: boolean): Promise<string[]> {
  const facts = withFacts ? await packageFacts(files, config) : undefined;
  const found: string[] = [];
  for (const [path, text] of files.filter(([path]) => !path.endsWith(".d.ts"))) {
    const result = await checkSource(path, text, config, facts);
    for (const m of result.messages) if (m.ruleId === "no-hardcoded-timeout") found.push(`${path}:${m.line}`);
  }
  return found.sort();
}

describe("exported constants nothing in the package reads", () => {
  it("with the package's facts, only the exported constants some line reads are reported", async () => {
    expect(await lines(true)).toEqual([
      "/pkg/lib/settings.js:3",
      "/pkg/src/settings.ts:2",
      "/pkg/src/settings.ts:3",
      "/pkg/src/settings.ts:4",
    ]);
  });

  it("judged file by file, the unread ones are reported too", async () => {
    const alone = await lines(false);
    expect(alone).toEqual(expect.arrayContaining(["/pkg/lib/settings.js:2", "/pkg/src/settings.ts:1"]));
  });
});
