import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import orgGuard from "../src/eslint.ts";
import { findingLines, guard, tempTree } from "./helpers.ts";

// A declaration file holds types only: TypeScript emits `export declare const DEFAULT_TIMEOUT = 30000;` for the
// source's `export const DEFAULT_TIMEOUT = 30000;`, a literal type that restates the value the source (checked itself)
// sets. Nothing in it runs, so nothing in it waits.
const DECLARATIONS = [
  "export declare const DEFAULT_TIMEOUT = 30000;",
  "export declare const defaults: { readonly timeout: 5000 };",
  "export declare function wait(ms: number, timeout?: 5000): Promise<void>;",
].join("\n");
const SOURCE = "export const DEFAULT_TIMEOUT = 30000;\n";

describe("declaration files (.d.ts, .d.mts, .d.cts)", () => {
  it("have no finding, while the source that sets the value has one", async () => {
    for (const path of ["src/index.d.ts", "src/index.d.mts", "src/index.d.cts"])
      expect(await findingLines(path, DECLARATIONS)).toEqual([]);
    expect(await findingLines("src/index.ts", SOURCE)).toEqual(["1: no-hardcoded-timeout"]);
  });

  it("are not parsed: one nested far deeper than the parser's stack allows is no parse error", async () => {
    const deep = `export declare const x: ${"Array<".repeat(50_000)}number${">".repeat(50_000)};\n`;
    expect(await findingLines("src/deep.d.ts", deep)).toEqual([]);
  });

  it("are not among the files a directory check counts", async () => {
    const root = tempTree({ "src/index.d.ts": DECLARATIONS, "src/index.js": SOURCE });
    const result = await guard(root, "check", ".", "--format", "json");
    expect(JSON.parse(result.stdout).map((r: { filePath: string }) => r.filePath)).toEqual([`${root}/src/index.js`]);
  });

  it("report nothing through the ESLint plugin either", () => {
    const config = [
      { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } },
      orgGuard.configs.recommended!,
    ];
    const linter = new Linter({ configType: "flat" });
    const lint = (filename: string) => linter.verify(DECLARATIONS, config as Linter.Config[], { filename });
    expect(lint("src/index.d.ts")).toEqual([]);
    expect(lint("src/index.ts").map((m) => m.ruleId)).toContain("org-guard/no-hardcoded-timeout");
  });
});
