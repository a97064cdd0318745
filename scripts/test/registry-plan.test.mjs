// What check-registry.mjs sets out to check, pinned without a registry: which entry points it imports
// and which README snippets it follows. (The registry run itself is part of the test command.)
//   node --test scripts/test/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { publishablePackages } from "../registry.mjs";
import { entryPoints, readmeBlocks, snippetFile } from "../registry-plan.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
const pkg = (name, manifest) => ({ name, manifest });

describe("entryPoints", () => {
  it("lists the root and every subpath, and leaves out package.json and patterns", () => {
    const packages = [
      pkg("@org/a", {
        exports: { ".": "./a.js", "./testing": "./t.js", "./package.json": "./package.json", "./x/*": "./x/*.js" },
      }),
      pkg("@org/b", { main: "./b.js" }),
    ];
    assert.deepEqual(
      entryPoints(packages).map((e) => e.specifier),
      ["@org/a", "@org/a/testing", "@org/b"],
    );
  });

  it("covers every export of every package this repository publishes", () => {
    const packages = publishablePackages();
    const expected = packages.flatMap((p) =>
      Object.keys(p.manifest.exports)
        .filter((key) => key !== "./package.json")
        .map((key) => (key === "." ? p.name : `${p.name}/${key.slice(2)}`)),
    );
    assert.deepEqual(
      entryPoints(packages)
        .map((e) => e.specifier)
        .sort(),
      expected.sort(),
    );
    assert.ok(expected.length >= 10, `only ${expected.length} entry points found`);
  });
});

describe("readmeBlocks", () => {
  it("finds the husky steps, the lint-staged config and the ESLint config in this README's guard section", () => {
    const { adopt, eslint } = readmeBlocks(readFileSync(join(repo, "README.md"), "utf8"));
    assert.ok(
      adopt.some((b) => b.lang === "sh" && /husky/.test(b.code)),
      "no husky shell snippet",
    );
    const lintStaged = adopt.find((b) => b.lang === "js" && /lint-staged/.test(b.code));
    assert.match(snippetFile(lintStaged?.code ?? "") ?? "", /^lint-staged\.config\.\w+$/);
    assert.match(snippetFile(eslint?.code ?? "") ?? "", /^eslint\.config\.\w+$/);
  });

  it("finds nothing when the guard section or its adoption heading is missing, so the registry check fails", () => {
    assert.deepEqual(readmeBlocks("# README\n```sh\nnpx husky init\n```\n"), { adopt: [], eslint: undefined });
    const noHeading = "<!-- #region guard -->\n```sh\nnpx husky init\n```\n<!-- #endregion guard -->";
    assert.deepEqual(readmeBlocks(noHeading).adopt, []);
  });
});
