// What check-registry.mjs checks, worked out from the manifests and the README without a registry:
// kept apart so that scripts/test/ can pin it on crafted input.

/** `{ specifier, pkg }` for every entry point in every published package's `exports`. */
export function entryPoints(packages) {
  return packages.flatMap((pkg) =>
    Object.keys(pkg.manifest.exports ?? { ".": pkg.manifest.main })
      .filter((key) => !key.endsWith("package.json") && !key.includes("*"))
      .map((key) => ({ specifier: key === "." ? pkg.name : `${pkg.name}/${key.slice(2)}`, pkg })),
  );
}

/** The fenced blocks of the README's guard section, in order, with their language. */
export function readmeBlocks(readme) {
  const start = readme.indexOf("<!-- #region guard -->");
  const end = readme.indexOf("<!-- #endregion guard -->");
  const section = start === -1 || end === -1 ? "" : readme.slice(start, end);
  const at = section.indexOf("### Use in another repository");
  const adopt = at === -1 ? "" : section.slice(at);
  const blocks = (text) => [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2] }));
  const eslint = blocks(section).find((b) => /^\/\/ eslint\.config\.\w+/.test(b.code));
  return { adopt: blocks(adopt), eslint };
}

/** The file a snippet names in its first line (`// lint-staged.config.mjs`). */
export const snippetFile = (code) => /^\/\/ (\S+)/.exec(code)?.[1];
