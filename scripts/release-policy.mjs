// What every published package must carry, checked on the workspace as it is (scripts/check-release.mjs
// runs it): a new package learns here, before it ships, that it must join the fixed version group and
// carry a README, the LICENSE and a changelog.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

/** The docs site; each package's page is /packages/<dir>, made from its root README section. */
export const DOCS_URL = "https://docs.org.internal";

const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));

/** Workspace package folders (`packages/x`, `apps/x`, `python/x`) that hold a package.json. */
export function workspaceManifests(root) {
  const workspace = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const folders = [...workspace.matchAll(/^\s*-\s*["']?([^"'\n]+?)\/\*["']?\s*$/gm)].map((m) => m[1]);
  return folders.flatMap((folder) =>
    existsSync(join(root, folder))
      ? readdirSync(join(root, folder))
          .filter((name) => existsSync(join(root, folder, name, "package.json")))
          .map((name) => join(folder, name))
      : [],
  );
}

/** A `fixed` pattern (`@org/*`) as a RegExp, the way changesets reads it for scoped names. */
const globToRegExp = (glob) => new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`);

/**
 * Checks the release policy on every workspace package; prints one line per check and
 * returns the number that failed.
 */
export function checkPackagePolicy(root, log = console.log) {
  let failures = 0;
  const check = (ok, what, fix) => report(ok ? [] : [`${what}\n       -> ${fix}`], what);
  const report = (problems, summary) => {
    if (problems.length === 0) log(`ok   ${summary}`);
    for (const problem of problems) log(`FAIL ${problem}`);
    failures += problems.length;
  };
  const changesets = readJson(join(root, ".changeset/config.json"));
  const groups = changesets.fixed ?? [];
  check(
    groups.length === 1,
    `.changeset/config.json has one "fixed" group (${JSON.stringify(groups)})`,
    'every published package moves together: keep exactly one group, "fixed": [["@org/*"]]',
  );
  const group = (groups[0] ?? []).map(globToRegExp);
  const license = readFileSync(join(root, "LICENSE"), "utf8");
  const rootReadme = readFileSync(join(root, "README.md"), "utf8");
  const published = workspaceManifests(root)
    .map((dir) => ({ dir, manifest: readJson(join(root, dir, "package.json")) }))
    .filter(({ manifest }) => !manifest.private);
  const versions = published.map(({ manifest }) => manifest.version);
  const groupVersion = versions.sort((a, b) => count(versions, b) - count(versions, a))[0];

  for (const { dir, manifest } of published) {
    const { name, version } = manifest;
    const at = (file) => join(root, dir, file);
    const problems = [];
    const check = (ok, what, fix) => ok || problems.push(`${what}\n       -> ${fix}`);
    check(
      name.startsWith("@org/") && group.some((re) => re.test(name)),
      `${name} (${dir}) is published but not in the fixed group ${JSON.stringify(groups[0] ?? [])} of .changeset/config.json`,
      `name it @org/<name> so "@org/*" in .changeset/config.json's "fixed" group covers it, or set "private": true`,
    );
    check(
      version === groupVersion,
      `${name} is at ${version}, not the group's version ${groupVersion}`,
      `set "version": "${groupVersion}" in ${dir}/package.json; changesets then moves it with the others`,
    );
    const readme = existsSync(at("README.md")) ? readFileSync(at("README.md"), "utf8") : undefined;
    // The docs site makes /packages/<dir> from the root README's `<!-- #region <dir> -->` section.
    const slug = basename(dir);
    const homepage = `${DOCS_URL}/packages/${slug}`;
    check(
      manifest.homepage === homepage && rootReadme.includes(`<!-- #region ${slug} -->`),
      `${name} has no docs page: "homepage" is ${manifest.homepage ?? "unset"}, the root README ${rootReadme.includes(`<!-- #region ${slug} -->`) ? "has" : "lacks"} a "${slug}" region`,
      `set "homepage": "${homepage}" and give it a section between <!-- #region ${slug} --> and <!-- #endregion ${slug} --> in README.md`,
    );
    check(
      readme !== undefined &&
        /^## Install$/m.test(readme) &&
        /```(ts|js|sh)\n/.test(readme) &&
        readme.includes(homepage),
      `${name} lacks a README.md with what it is, ## Install, an example and a link to its docs page`,
      `write ${dir}/README.md like packages/config/README.md (npm puts it in the tarball and on the registry page)`,
    );
    check(
      existsSync(at("LICENSE")) &&
        readFileSync(at("LICENSE"), "utf8") === license &&
        manifest.license === "SEE LICENSE IN LICENSE",
      `${name} lacks the repository's LICENSE (or "license": "SEE LICENSE IN LICENSE")`,
      `cp LICENSE ${dir}/LICENSE and set "license": "SEE LICENSE IN LICENSE" in ${dir}/package.json`,
    );
    check(
      (manifest.files ?? []).includes("CHANGELOG.md") && (version === "0.0.0" || existsSync(at("CHANGELOG.md"))),
      `${name} does not ship a CHANGELOG.md`,
      `add "CHANGELOG.md" to "files" in ${dir}/package.json`,
    );
    report(
      problems,
      `${name} ${version}: in the fixed group, README with install/example/docs link, LICENSE, CHANGELOG.md`,
    );
  }

  // Python packages ride along with the group (their version comes from @org/config at build time).
  for (const dir of workspaceManifests(root).filter((d) => existsSync(join(root, d, "pyproject.toml")))) {
    const pyproject = readFileSync(join(root, dir, "pyproject.toml"), "utf8");
    const pyName = /^name\s*=\s*"([^"]+)"/m.exec(pyproject)?.[1] ?? dir;
    const problems = [];
    const check = (ok, what, fix) => ok || problems.push(`${what}\n       -> ${fix}`);
    check(
      existsSync(join(root, dir, "README.md")) && /^readme\s*=/m.test(pyproject),
      `${pyName} (${dir}) lacks a README.md named by its pyproject.toml`,
      `add ${dir}/README.md and readme = "README.md" in pyproject.toml`,
    );
    check(
      existsSync(join(root, dir, "LICENSE")) && readFileSync(join(root, dir, "LICENSE"), "utf8") === license,
      `${pyName} (${dir}) lacks the repository's LICENSE`,
      `cp LICENSE ${dir}/LICENSE (hatchling puts it in the wheel)`,
    );
    report(problems, `${pyName} (${dir}, Python): README and LICENSE`);
  }
  return failures;
}

function count(list, value) {
  return list.filter((v) => v === value).length;
}
