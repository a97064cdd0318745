#!/usr/bin/env node
// Proves the release policy on a copy of this workspace: a changeset that touches one
// @org package bumps every publishable @org package to the same version (changesets `fixed`),
// and leaves the private apps alone. Run by `pnpm test`; exits 1 when the policy is broken.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkPackagePolicy } from "./release-policy.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "org-release-check-"));
const manifests = [];
for (const folder of ["packages", "apps"]) {
  for (const name of readdirSync(join(root, folder))) {
    const manifest = join(folder, name, "package.json");
    if (existsSync(join(root, manifest))) manifests.push(manifest);
  }
}
for (const file of ["package.json", "pnpm-workspace.yaml", ".changeset/config.json", ...manifests]) {
  mkdirSync(dirname(join(work, file)), { recursive: true });
  cpSync(join(root, file), join(work, file));
}
const read = (manifest) => JSON.parse(readFileSync(join(work, manifest), "utf8"));
const before = new Map(manifests.map((m) => [read(m).name, read(m)]));
const publishable = [...before.values()].filter((p) => !p.private).map((p) => p.name);
const touched = publishable.at(-1);
writeFileSync(
  join(work, ".changeset/check-one-package.md"),
  `---\n"${touched}": minor\n---\n\nA change to one package.\n`,
);

let failures = 0;
try {
  execFileSync(join(root, "node_modules/.bin/changeset"), ["version"], { cwd: work, stdio: "pipe" });
  const after = new Map(manifests.map((m) => [read(m).name, read(m)]));
  const versions = new Set(publishable.map((name) => after.get(name).version));
  const check = (ok, what) => {
    console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
    if (!ok) failures++;
  };
  check(
    versions.size === 1,
    `a changeset on ${touched} gives all ${publishable.length} @org packages one version (${[...versions].join(", ")})`,
  );
  check(
    publishable.every((name) => after.get(name).version !== before.get(name).version),
    "every publishable package was bumped",
  );
  // org-toolkit (python/org-toolkit) takes its version from @org/config at build time, so a release
  // carries the Python package along; its built wheel must hold today's version, PEP 440 spelled.
  const { orgVersion, pep440 } = await import("../python/org-toolkit/scripts/generate.mjs");
  const bumped = orgVersion(join(work, "packages/config/package.json"));
  check(
    versions.has(bumped),
    `after the changeset, org-toolkit's version source (@org/config) is at the shared version (${bumped})`,
  );
  const wheelDir = join(root, "python/org-toolkit/dist");
  const wheels = existsSync(wheelDir) ? readdirSync(wheelDir).filter((f) => f.endsWith(".whl")) : [];
  const shared = before.get("@org/config").version;
  const ci = process.env.CI === "true" || process.env.CI === "1";
  if (wheels.length === 0 && !ci) {
    console.log("skip no org-toolkit wheel (no python3 here?); under CI=true this fails");
  } else
    check(
      wheels.length === 1 && wheels[0].startsWith(`org_toolkit-${pep440(shared)}-`),
      `the built org-toolkit wheel carries the current @org version ${pep440(shared)} (${wheels.join(", ") || "no wheel in python/org-toolkit/dist: run the build"})`,
    );
  for (const [name, manifest] of before) {
    if (manifest.private) check(after.get(name).version === manifest.version, `private ${name} is left alone`);
  }
} catch (error) {
  console.error(`release check could not run changeset version: ${error.stderr ?? error.message}`);
  failures++;
} finally {
  rmSync(work, { recursive: true, force: true });
}
failures += checkPackagePolicy(root);
console.log(`release check: ${failures === 0 ? "passed" : `${failures} failed`}`);
process.exitCode = failures === 0 ? 0 : 1;
