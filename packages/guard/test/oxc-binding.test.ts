import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseSync } from "oxc-parser/src-js/bindings";
import { describe, expect, it } from "vitest";
import { parseNative } from "../src/detect/oxc-binding.ts";

// The binding is opened from its file where the platform's package sits beside oxc-parser; it must be the one
// oxc-parser's own loader gives (the same native build, the same results).
describe("parseNative: oxc-parser's binding, opened directly", () => {
  it("finds this platform's build beside oxc-parser, as oxc-parser's loader does", () => {
    const loader = createRequire(import.meta.url).resolve("oxc-parser/src-js/bindings");
    const beside = join(dirname(dirname(dirname(loader))), "@oxc-parser");
    expect(existsSync(beside)).toBe(true);
  });

  it("finds it of oxc-parser's own version, so it is the build opened directly", () => {
    const loader = createRequire(import.meta.url).resolve("oxc-parser/src-js/bindings");
    const version = (dir: string) =>
      (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
    const beside = join(dirname(dirname(dirname(loader))), "@oxc-parser");
    const builds = readdirSync(beside).filter((name) => name.startsWith("binding-"));
    expect(builds.map((build) => version(join(beside, build)))).toEqual(
      builds.map(() => version(dirname(dirname(loader)))),
    );
  });

  it("parses as oxc-parser's loader does: the same AST JSON, errors and comments", () => {
    const source = "// a comment\nconst timeout: number = 5000;\nsetTimeout(f, timeout);\nconst = ;\n";
    const options = { astType: "js", preserveParens: false, sourceType: "module" } as const;
    const direct = parseNative("a.ts", source, options);
    const loaded = parseSync("a.ts", source, options);
    expect(direct.errors).toEqual(loaded.errors);
    expect(direct.comments).toEqual(loaded.comments);
    expect(direct.program).toEqual(loaded.program);
  });
});
