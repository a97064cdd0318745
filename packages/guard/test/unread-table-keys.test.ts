import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

// Session 61 (issue 9), from blind set fresh337: @0xpolygonid/js-sdk's `defaultEthConnectionConfig` is read key by
// key (`defaultEthConnectionConfig.maxFeePerGas`) and never handed whole to anything; no code reads its timeouts.

const state = [
  "export const defaultEthConnectionConfig = {",
  "  url: 'http://localhost:8545',",
  "  maxFeePerGas: '100',",
  "  confirmationTimeout: 600000,",
  "  rpcResponseTimeout: 5000,",
  "};",
  "",
  "export function fees() {",
  "  return BigInt(defaultEthConnectionConfig.maxFeePerGas);",
  "}",
].join("\n");
// esbuild's CommonJS bundle of the same module: its export map and annotation name the table without reading it.
const bundle = [
  "var src_exports = {};",
  "__export(src_exports, {",
  "  defaultEthConnectionConfig: () => defaultEthConnectionConfig,",
  "});",
  "var defaultEthConnectionConfig = {",
  "  confirmationTimeout: 600000,",
  "  rpcResponseTimeout: 5000,",
  "  maxFeePerGas: '100',",
  "};",
  "function fees() {",
  "  return BigInt(defaultEthConnectionConfig.maxFeePerGas);",
  "}",
  "0 && (module.exports = {",
  "  defaultEthConnectionConfig,",
  "});",
].join("\n");

describe("a table's timeout keys that no code reads, of a table read only key by key", () => {
  it("are not reported, in the source or an esbuild bundle", async () => {
    expect(await packageFindings({ "src/state.ts": state, "dist/index.cjs": bundle })).toEqual([]);
  });

  it("are reported when a file reads the key", async () => {
    const reader =
      "import { defaultEthConnectionConfig } from './state';\nwait(defaultEthConnectionConfig.rpcResponseTimeout);";
    const files = { "src/state.ts": state, "src/limit.ts": reader };
    expect(await packageFindings(files)).toEqual(["src/state.ts:5: no-hardcoded-timeout"]);
  });

  it("are reported when the table is handed whole to a call, a spread or a destructuring", async () => {
    for (const use of [
      "createClient(defaultEthConnectionConfig);",
      "export const options = { ...defaultEthConnectionConfig };",
      "const { url } = defaultEthConnectionConfig;",
      "export const pick = (key) => defaultEthConnectionConfig[key];",
    ])
      expect(await packageFindings({ "src/state.ts": state, "src/use.ts": use }), use).toEqual([
        "src/state.ts:4: no-hardcoded-timeout",
        "src/state.ts:5: no-hardcoded-timeout",
      ]);
  });

  it("are reported when no code reads the table at all (it is offered to callers whole)", async () => {
    // Not named as defaults: a defaults table nothing reads is unread whole (unread-package-names.test.ts).
    const offered = state.split("\n").slice(0, 6).join("\n").replace("defaultEthConnectionConfig", "ethConnection");
    expect(await packageFindings({ "src/state.ts": offered })).toEqual([
      "src/state.ts:4: no-hardcoded-timeout",
      "src/state.ts:5: no-hardcoded-timeout",
    ]);
  });

  it("are found in a bundle's table whose entries carry many annotations (no backtracking through them)", async () => {
    // @flagship.io/js-sdk's lite bundle hung the package pass: each comment could be stretched to a later one's end.
    const annotated = state.replace(
      "  url: 'http://localhost:8545',",
      `  url: 'http://localhost:8545', ${"/*#__PURE__*/ ".repeat(40)}...base,`,
    );
    expect(await packageFindings({ "src/state.ts": `const base = {};\n${annotated}` })).toEqual([]);
  });

  it("are reported when the file is judged alone (nothing is known to be unread)", async () => {
    expect(await packageFindings({ "src/state.ts": state }, undefined, false)).toEqual([
      "src/state.ts:4: no-hardcoded-timeout",
      "src/state.ts:5: no-hardcoded-timeout",
    ]);
  });
});
