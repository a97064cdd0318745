// A package of the eval cache as the measurement scripts read it (unread-keys.mjs, object-reads.mjs): its JS files,
// the specifiers its files load, its package.json, and whether a module of it is loaded by something. One walker and
// one list of entry paths for both, so what they count as "loaded by nothing" cannot drift apart.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const cache = fileURLToPath(new URL(".cache", import.meta.url));
export const JS = /\.(js|mjs|cjs|ts|mts|cts|jsx|tsx)$/;
/** Larger files are generated tables or bundles; reading them would cost more than it shows. */
const MAX_FILE = 3_000_000;
/** Files a runner, a build or a reader starts, not another module: never "loaded by nothing". */
const ENTRY_PATH =
  /(^|\/)(tests?|__tests__|spec|specs|examples?|samples?|demo|bin|scripts?|benchmarks?|bench|docs?|fixtures?)\/|\.(test|spec)\.|config\.|conf\.|rc\.|Gruntfile|Gulpfile|gulpfile/;
const SPECIFIER = /(?:require\s*\(\s*|from\s+|import\s*\(\s*|import\s+|src=)["']([^"']+)["']/g;

/**
 * A package's files, read once: `js` its JS files but type declarations (`{ path, text }`), `specifiers` what its JS,
 * JSON and HTML files load (relative ones resolved to full paths), `manifest` its package.json text, `loaded(full)`
 * whether a module of it is loaded by something.
 */
const packages = new Map();
export function packageOf(name) {
  if (packages.has(name)) return packages.get(name);
  const root = join(cache, name, "package");
  const js = [];
  const specifiers = new Set();
  const walk = (dir) => {
    for (const entry of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") walk(path);
        continue;
      }
      if (!(JS.test(entry.name) || /\.(json|html)$/.test(entry.name)) || statSync(path).size > MAX_FILE) continue;
      const text = readFileSync(path, "utf8");
      if (JS.test(entry.name) && !entry.name.endsWith(".d.ts")) js.push({ path, text });
      for (const [, spec] of text.matchAll(SPECIFIER))
        specifiers.add(spec.startsWith(".") ? normalize(join(dirname(path), spec)) : spec);
    }
  };
  walk(root);
  const manifest = join(root, "package.json");
  const facts = { root, js, specifiers, manifest: existsSync(manifest) ? readFileSync(manifest, "utf8") : "" };
  facts.loaded = (full) => moduleLoaded(facts, normalize(full));
  packages.set(name, facts);
  return facts;
}

/** An entry by its path, or a module some file of the package loads, or one package.json names. */
function moduleLoaded(facts, full) {
  const relative = full.slice(facts.root.length + 1);
  if (ENTRY_PATH.test(relative)) return true;
  const bare = full.replace(JS, "");
  if ([...facts.specifiers].some((spec) => spec.replace(JS, "") === bare)) return true;
  const names = [full, bare, ...(basename(bare) === "index" ? [dirname(full)] : [])];
  if (names.some((name) => facts.specifiers.has(name))) return true;
  return [basename(relative), relative, relative.replace(JS, "")].some((name) => facts.manifest.includes(name));
}
