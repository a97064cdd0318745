import { describe, expect, it } from "vitest";
import { nestingBound } from "../src/nesting.ts";

// The bounds below are what the scan answered before its helpers stopped being closures (b199bfa): the same scan,
// written without a function made per call, must answer the same for brackets, templates and what nests without them.
describe("nestingBound: the bound of a file's nesting before it is parsed", () => {
  it("counts brackets and what nests without them as before", () => {
    expect(nestingBound("const a = f(g(h(1)));\n")).toBe(4);
    expect(nestingBound("if (a) if (b) if (c) return new new X;\n")).toBe(6);
    expect(nestingBound("x = a ? b : c ? d : e ? f : g;\n")).toBe(7);
    expect(nestingBound("a && b && c && d.e.f.g;\n")).toBe(1);
    expect(nestingBound("x = 1if + a1if;\n")).toBe(3);
  });

  it("opens a level at each template hole and returns into the template at its closing brace", () => {
    expect(nestingBound("const s = `a${b}c`;\n")).toBe(2);
    expect(nestingBound("const s = `a${`b${`c${d}`}`}e${[f]}`;\n")).toBe(4);
    expect(nestingBound("const s = `\\${a}${(b)}`;\n")).toBe(3);
    expect(nestingBound("const s = `a${b\n")).toBe(2);
    expect(nestingBound(`const s = ${"`${".repeat(40)}x${"}`".repeat(40)};\n`)).toBe(41);
  });

  it("answers the same for a text asked twice and after other texts (no state is left between calls)", () => {
    const text = `const s = ${"`${".repeat(40)}x${"}`".repeat(40)};\n`;
    const first = nestingBound(text);
    nestingBound("const s = `a${b\n");
    nestingBound("((((");
    expect(nestingBound(text)).toBe(first);
  });
});
