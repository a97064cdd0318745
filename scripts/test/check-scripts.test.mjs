// The root checks fail on crafted bad input: each builds a small workspace in a temp dir with one
// thing wrong and asserts the check names it, next to a package that is right and passes.
//   node --test scripts/test/
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { checkPackages, DTS_LINES_BUDGET } from "../check-packages.mjs";
import { checkPackagePolicy, DOCS_URL } from "../release-policy.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
const LICENSE = readFileSync(join(repo, "LICENSE"), "utf8");
const dirs = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A workspace with `packages/<name>` for each entry: files relative to the package, and its manifest. */
function workspace(packages, { fixed = [["@org/*"]] } = {}) {
  const root = mkdtempSync(join(tmpdir(), "org-check-fixture-"));
  dirs.push(root);
  const files = {
    "package.json": JSON.stringify({ name: "fixture", private: true, type: "module" }),
    "pnpm-workspace.yaml": 'packages:\n  - "packages/*"\n',
    LICENSE,
    ".changeset/config.json": JSON.stringify({ fixed, baseBranch: "main", access: "restricted" }),
    "README.md": Object.keys(packages)
      .map((name) => `<!-- #region ${name} -->\n${name}\n<!-- #endregion ${name} -->`)
      .join("\n"),
  };
  for (const [dir, { manifest, files: own }] of Object.entries(packages)) {
    files[`packages/${dir}/package.json`] = JSON.stringify(manifest, null, 2);
    for (const [file, text] of Object.entries(own)) files[`packages/${dir}/${file}`] = text;
  }
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

/** A package that passes every check; `change` edits its manifest and files. */
function goodPackage(dir, change = () => {}) {
  const pkg = {
    manifest: {
      name: `@org/${dir}`,
      version: "0.1.0",
      type: "module",
      license: "SEE LICENSE IN LICENSE",
      homepage: `${DOCS_URL}/packages/${dir}`,
      exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" }, "./package.json": "./package.json" },
      files: ["dist", "CHANGELOG.md"],
    },
    files: {
      "README.md": `# @org/${dir}\n\n## Install\n\n\`\`\`sh\nnpm install @org/${dir}\n\`\`\`\n\n${DOCS_URL}/packages/${dir}\n`,
      LICENSE,
      "CHANGELOG.md": `# @org/${dir}\n\n## 0.1.0\n`,
      "dist/index.js": "export const answer = 42;\n",
      "dist/index.d.ts": "export declare const answer: number;\n",
    },
  };
  change(pkg);
  return pkg;
}

async function runCheckPackages(root) {
  const lines = [];
  const failures = await checkPackages(root, { log: (line) => lines.push(line) });
  return { failures, fails: lines.filter((line) => line.startsWith("FAIL")), lines };
}

describe("check-packages", () => {
  // One workspace, one run (attw builds a TypeScript program per package: the slow part).
  const lines = DTS_LINES_BUDGET.default + 1;
  let result;
  before(async () => {
    const root = workspace({
      good: goodPackage("good"),
      unlicensed: goodPackage("unlicensed", (p) => delete p.files.LICENSE),
      wide: goodPackage("wide", (p) => {
        p.files["dist/index.d.ts"] = Array.from(
          { length: lines },
          (_, i) => `export declare const a${i}: number;`,
        ).join("\n");
      }),
      heavy: goodPackage("heavy", (p) => {
        p.files["dist/data.js"] = `export const data = "${"x".repeat(160 * 1024)}";\n`;
        p.files["dist/index.js.map"] = JSON.stringify({
          version: 3,
          sources: ["a.ts"],
          sourcesContent: ["const a = 1"],
        });
        p.files["dist/test/a.test.js"] = "export {};\n";
        delete p.files["CHANGELOG.md"];
      }),
      untyped: goodPackage("untyped", (p) => delete p.files["dist/index.d.ts"]),
    });
    result = await runCheckPackages(root);
  });
  const failsOf = (name) => result.fails.filter((line) => line.startsWith(`FAIL @org/${name}: `));

  it("passes a package that is right", () => {
    assert.deepEqual(failsOf("good"), []);
    assert.match(
      result.lines.find((line) => line.startsWith("@org/good ")),
      / ok$/,
    );
  });

  it("fails a package whose tarball lacks LICENSE", () => {
    assert.deepEqual(failsOf("unlicensed"), ["FAIL @org/unlicensed: LICENSE is not in the tarball"]);
  });

  it("fails declarations over their line budget", () => {
    assert.deepEqual(failsOf("wide"), [
      `FAIL @org/wide: its declarations are ${lines} lines, over the ${DTS_LINES_BUDGET.default}-line budget (a library's types leaking in?)`,
    ]);
  });

  it("fails a tarball over its size budget, a source map carrying its sources, a missing CHANGELOG and a published test", () => {
    const fails = failsOf("heavy").join("\n");
    assert.equal(failsOf("heavy").length, 4, fails);
    assert.match(fails, /CHANGELOG\.md is not in the tarball/);
    assert.match(fails, /dist\/index\.js\.map carries sourcesContent/);
    assert.match(fails, /dist\/test\/a\.test\.js is published/);
    assert.match(fails, /unpacked 1\d\d\.\d kB is over its 150 kB budget/);
  });

  it("fails types that do not resolve (attw)", () => {
    assert.ok(failsOf("untyped").length > 0 && failsOf("untyped").every((line) => line.includes(": attw: ")));
  });

  it("counts every problem", () => {
    assert.equal(result.failures, result.fails.length);
  });
});

describe("release policy (check-release)", () => {
  it("passes a package that follows it", () => {
    const lines = [];
    assert.equal(
      checkPackagePolicy(workspace({ good: goodPackage("good") }), (l) => lines.push(l)),
      0,
      lines.join("\n"),
    );
  });

  it("fails a package outside the fixed group, off the group's version, without README, LICENSE or CHANGELOG in files", () => {
    const root = workspace({
      a: goodPackage("a"),
      b: goodPackage("b"),
      stray: goodPackage("stray", (p) => {
        p.manifest.name = "@other/stray";
        p.manifest.version = "0.2.0";
        p.manifest.files = ["dist"];
        delete p.files["README.md"];
        delete p.files.LICENSE;
      }),
    });
    const lines = [];
    const failures = checkPackagePolicy(root, (l) => lines.push(l));
    const fails = lines.filter((l) => l.startsWith("FAIL")).join("\n");
    assert.match(fails, /@other\/stray \(packages\/stray\) is published but not in the fixed group/);
    assert.match(fails, /@other\/stray is at 0\.2\.0, not the group's version 0\.1\.0/);
    assert.match(fails, /@other\/stray lacks a README\.md/);
    assert.match(fails, /@other\/stray lacks the repository's LICENSE/);
    assert.match(fails, /@other\/stray does not ship a CHANGELOG\.md/);
    assert.equal(failures, 5);
  });

  it("fails a changesets config with more than one fixed group", () => {
    const root = workspace({ a: goodPackage("a") }, { fixed: [["@org/a"], ["@org/b"]] });
    const lines = [];
    assert.ok(checkPackagePolicy(root, (l) => lines.push(l)) >= 1);
    assert.match(lines.join("\n"), /FAIL \.changeset\/config\.json has one "fixed" group/);
  });
});

describe("check-changesets", () => {
  const script = join(repo, "scripts/check-changesets.mjs");
  const git = (cwd, ...args) => execFileSync("git", args, { cwd, stdio: "pipe" });
  const run = (root, env = {}) => {
    // The base comes from the fixture's own branches, never from this run's CI variables.
    const rest = { ...process.env };
    delete rest.CHANGESET_BASE;
    delete rest.GITHUB_BASE_REF;
    return spawnSync(process.execPath, [script, "--root", root], {
      encoding: "utf8",
      env: { ...rest, CI: "true", ...env },
    });
  };
  /** A repository on branch `feature` that changed @org/a since `main`. */
  function branchWithChange() {
    const root = workspace({ a: goodPackage("a") });
    git(root, "init", "-q", "-b", "main");
    git(root, "add", ".");
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base");
    git(root, "checkout", "-qb", "feature");
    writeFileSync(join(root, "packages/a/dist/index.js"), "export const answer = 43;\n");
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "change a");
    return root;
  }

  it("fails a branch that changed a published package without a changeset", () => {
    const result = run(branchWithChange());
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /FAIL a published package changed on this branch without a changeset/);
  });

  it("passes once the branch has a changeset for it", () => {
    const root = branchWithChange();
    writeFileSync(join(root, ".changeset/a.md"), '---\n"@org/a": patch\n---\n\nA change.\n');
    git(root, "add", ".");
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "changeset");
    const result = run(root);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /changeset status --since=main \(branch feature\)/);
  });

  it("says why it skips outside CI, and exits 0", () => {
    const result = run(branchWithChange(), { CI: "" });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^skip changeset status: not under CI=true/);
  });
});
