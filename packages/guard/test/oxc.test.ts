import { parseSync } from "oxc-parser";
import { describe, expect, it, vi } from "vitest";
import { parseJavaScript } from "../src/detect/oxc.ts";
import { programOf } from "../src/detect/oxc-program.ts";

// A spy that calls through to oxc-parser's conversion of the AST's JSON: counts how often a parse reads it.
const { jsonParseAst } = vi.hoisted(() => ({ jsonParseAst: vi.fn() }));
vi.mock("oxc-parser/src-js/wrap.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("oxc-parser/src-js/wrap.js")>();
  jsonParseAst.mockImplementation(original.jsonParseAst);
  return { ...original, jsonParseAst };
});

// The AST's JSON is taken from the native result only when a check asks for the AST (session 19: most files need
// their errors alone); what it asks for must be what oxc-parser's own parseSync gives, in each dialect tried.
describe("parseJavaScript: the AST converted on first use", () => {
  const options = { astType: "js", preserveParens: false } as const;

  it("gives oxc-parser's AST for TypeScript, for JSX in a .js file and for CommonJS in a .js file", () => {
    const typescript = "const timeout: number = 5000;\nexport function f(x = timeout) { return x; }\n";
    expect(programOf(parseJavaScript("a.ts", typescript, ".ts"))).toEqual(
      parseSync("a.ts", typescript, { ...options, sourceType: "module" }).program,
    );
    const jsx = "export const A = () => <p timeout={10}>x</p>;\n";
    expect(programOf(parseJavaScript("a.js", jsx, ".js"))).toEqual(
      parseSync("a.js", jsx, { ...options, sourceType: "module", lang: "jsx" }).program,
    );
    const commonjs = "if (!module.parent) return;\nsetTimeout(f, 100);\n";
    expect(programOf(parseJavaScript("a.js", commonjs, ".js"))).toEqual(
      parseSync("a.js", commonjs, { ...options, sourceType: "commonjs", lang: "js" }).program,
    );
  });

  it("reports a syntax error, and converts the AST once when asked for it twice", () => {
    expect(parseJavaScript("a.ts", "const = ;\n", ".ts").errors.some((e) => e.severity === "Error")).toBe(true);
    const parsed = parseJavaScript("a.ts", "const a = 1;\n", ".ts");
    expect(parsed.errors).toEqual([]);
    expect(programOf(parsed)).toBe(programOf(parsed));
  });

  it("reads no AST JSON for a file whose AST (programOf) is never asked for, retries included, and reads it once on use", () => {
    jsonParseAst.mockClear();
    const plain = parseJavaScript("a.ts", "const timeout = 5000;\n", ".ts");
    const jsx = parseJavaScript("a.js", "export const A = () => <p timeout={10}>x</p>;\n", ".js");
    expect([plain.errors, jsx.errors, plain.comments()]).toEqual([[], [], []]);
    expect(jsonParseAst).not.toHaveBeenCalled();
    programOf(plain);
    programOf(plain);
    expect(jsonParseAst).toHaveBeenCalledTimes(1);
  });
});
