import { describe, expect, it } from "vitest";
import { checkSource, defaultGuardConfig, type GuardConfig } from "../src/index.ts";

const config = defaultGuardConfig(import.meta.dirname);
const rules = async (path: string, source: string, with_: GuardConfig = config) =>
  (await checkSource(path, source, with_)).messages.map((m) => `${m.line}: ${m.ruleId}`);

describe("no input crashes a run", () => {
  it("a 3,000-term `1 + 1 + ...` chain in JavaScript is checked, and the file's timeout still found", async () => {
    const chain = Array.from({ length: 3000 }, () => "1").join(" + ");
    const source = `const total = ${chain};\nfetch(url, { timeout: 5000 });\nconst t = ${chain.replaceAll("+", "||")};\n`;
    expect(await rules("deep.js", source)).toEqual(["2: no-hardcoded-timeout"]);
  });

  it("a 3,000-term chain in a Python file that imports requests is checked", async () => {
    const chain = Array.from({ length: 3000 }, () => "1").join(" + ");
    const source = `import requests\ntotal = ${chain}\nrequests.get(url, timeout=5)\n`;
    expect(await rules("deep.py", source)).toEqual(["3: no-hardcoded-timeout"]);
  });

  it("deeply nested calls and brackets do not overflow the walk", async () => {
    const nested = `${"f(".repeat(5000)}1${")".repeat(5000)}`;
    expect(await rules("nested.ts", `const x = ${nested};\n`)).toEqual([]);
    expect(await rules("nested.py", `x = ${"[".repeat(3000)}1${"]".repeat(3000)}\n`)).toEqual([]);
  });

  it("an internal error becomes an internal-error finding for that file, not an exception", async () => {
    const broken = { ...config, apis: null } as unknown as GuardConfig;
    const result = await checkSource("a.ts", "page.waitForTimeout(5000);\n", broken);
    expect(result.messages.map((m) => m.ruleId)).toEqual(["internal-error"]);
    expect(result.messages[0]!.message).toMatch(/could not check this file/);
    expect(result.errorCount).toBe(1);
  });
});

describe("valid code is not a parse error", () => {
  it("JSX in a .js file", async () => {
    expect(await rules("view.js", "export const View = () => <Spinner timeout={5000} />;\n")).toEqual([
      "1: no-hardcoded-timeout",
    ]);
  });

  it("top-level return in CommonJS .cjs and .js files", async () => {
    const source = "if (!process.env.X) return;\nmodule.exports = { timeout: 5000 };\n";
    expect(await rules("a.cjs", source)).toEqual(["2: no-hardcoded-timeout"]);
    expect(await rules("a.js", source)).toEqual(["2: no-hardcoded-timeout"]);
  });

  it("`var await = 1` in a CommonJS .js file", async () => {
    expect(await rules("a.js", "var await = 1;\nmodule.exports = await;\n")).toEqual([]);
  });

  it("still reports a real syntax error, once", async () => {
    expect(await rules("a.js", "const = ;\n")).toEqual(["1: parse-error"]);
  });
});
