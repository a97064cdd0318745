import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadBinding } from "../src/detect/oxc-binding.ts";
import { tempTree } from "./helpers.ts";

// Where the binding is not opened directly, oxc-parser's loader is: these trees hold a stand-in loader (its
// `parseSync` named `fromLoader`) in an oxc-parser of version PARSER_VERSION and, beside it, this platform's build as
// the real file, a file that does not load, or none, in a package of the version given (null: no package.json).
const loader = createRequire(import.meta.url).resolve("oxc-parser/src-js/bindings");
const realBuilds = join(dirname(dirname(dirname(loader))), "@oxc-parser");
const [build] = readdirSync(realBuilds).filter((name) => name.startsWith("binding-"));
const target = build!.slice("binding-".length);

const PARSER_VERSION = "0.159.0";

function tree(binding: "real" | "garbage" | "none", version: string | null = PARSER_VERSION): string {
  const root = tempTree({
    "node_modules/oxc-parser/package.json": JSON.stringify({
      name: "oxc-parser",
      version: PARSER_VERSION,
      main: "src-js/bindings.js",
    }),
    "node_modules/oxc-parser/src-js/bindings.js": "module.exports = { parseSync: function fromLoader() {} };\n",
  });
  const file = join(root, "node_modules/@oxc-parser", build!, `parser.${target}.node`);
  if (binding !== "none") mkdirSync(dirname(file), { recursive: true });
  if (binding !== "none" && version !== null)
    writeFileSync(join(dirname(file), "package.json"), JSON.stringify({ name: `@oxc-parser/${build!}`, version }));
  if (binding === "real") symlinkSync(join(realBuilds, build!, `parser.${target}.node`), file);
  if (binding === "garbage") writeFileSync(file, "not a shared object\n");
  return join(root, "main.js");
}

describe("loadBinding: oxc-parser's loader where the build beside it is not opened", () => {
  it("opens the build beside oxc-parser directly", () => {
    expect(loadBinding(tree("real"), {}).parseSync.name).not.toBe("fromLoader");
  });

  it("leaves a build of another version than oxc-parser's, or of none stated, to oxc-parser's loader", () => {
    // A build left from another install may read another AST layout: only oxc-parser's loader decides to load it.
    expect(loadBinding(tree("real", "0.158.0"), {}).parseSync.name).toBe("fromLoader");
    expect(loadBinding(tree("real", `${PARSER_VERSION}-rc.1`), {}).parseSync.name).toBe("fromLoader");
    expect(loadBinding(tree("real", null), {}).parseSync.name).toBe("fromLoader");
  });

  it("leaves a build named by NAPI_RS_NATIVE_LIBRARY_PATH to oxc-parser's loader", () => {
    const env = { NAPI_RS_NATIVE_LIBRARY_PATH: "/opt/custom/parser.node" };
    expect(loadBinding(tree("real"), env).parseSync.name).toBe("fromLoader");
  });

  it("falls back, printing nothing, on a missing or unloadable build", () => {
    const printed = vi.spyOn(process.stderr, "write");
    const warned = vi.spyOn(console, "error");
    try {
      expect(loadBinding(tree("none"), {}).parseSync.name).toBe("fromLoader");
      expect(loadBinding(tree("garbage"), {}).parseSync.name).toBe("fromLoader");
      expect(printed).not.toHaveBeenCalled();
      expect(warned).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
      warned.mockRestore();
    }
  });
});
