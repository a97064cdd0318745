// oxc-parser's native binding, loaded from its file. oxc-parser's own loader (src-js/bindings.js, 32 kB compiled on
// every start) tries a `.node` file beside itself that its package never ships and finds the platform's package with
// the CommonJS loader before the first file of a commit is parsed: a commit-sized run's fixed cost. Where a package
// manager put the platform's package beside oxc-parser (npm's and pnpm's layouts), the file is opened directly;
// anywhere else (another layout, a platform not listed, a file that does not load, a build named by napi-rs's
// `NAPI_RS_NATIVE_LIBRARY_PATH`, which only that loader reads) oxc-parser's loader decides, and reports any failure.
// The build is opened only when its package's version is oxc-parser's own (the pin oxc-parser's package.json gives
// each platform's package): a build left from another install (a partial upgrade, a hoisted copy) may read another
// AST layout, so a version it does not state or one that differs goes to oxc-parser's loader, which loads it as
// oxc-parser always would (and refuses it under napi-rs's `NAPI_RS_ENFORCE_VERSION_CHECK`).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as Bindings from "oxc-parser/src-js/bindings";

type Binding = Pick<typeof Bindings, "parseSync">;

/** The builds oxc-parser publishes for a platform, as its loader names them; Linux's by the C library. */
function targets(): string[] {
  const { platform, arch } = process;
  if (platform === "linux" && (arch === "x64" || arch === "arm64")) {
    // oxc-parser's own test (its first): Alpine's ldd is musl's.
    let musl = false;
    try {
      musl = readFileSync("/usr/bin/ldd", "utf8").includes("musl");
    } catch {
      // no ldd: oxc-parser's loader asks further; the gnu build is tried and it decides if that fails
    }
    return [`linux-${arch}-${musl ? "musl" : "gnu"}`];
  }
  if (platform === "darwin" && (arch === "x64" || arch === "arm64")) return [`darwin-${arch}`];
  if (platform === "win32" && (arch === "x64" || arch === "arm64")) return [`win32-${arch}-msvc`];
  return [];
}

/** The binding, opened from beside the oxc-parser that `from` (a file path or URL) resolves, else by oxc-parser's loader. */
export function loadBinding(from: string, env: NodeJS.ProcessEnv = process.env): Binding {
  const require = createRequire(from);
  return (env.NAPI_RS_NATIVE_LIBRARY_PATH ? undefined : beside(require)) ?? (require(LOADER) as Binding);
}

const LOADER = "oxc-parser/src-js/bindings";

function beside(require: NodeJS.Require): Binding | undefined {
  let loader: string;
  try {
    loader = require.resolve(LOADER);
  } catch {
    return undefined; // no such subpath (another oxc-parser): its loader's own require reports it
  }
  // <node_modules>/oxc-parser/src-js/bindings.js -> <node_modules>/@oxc-parser/binding-<target>/parser.<target>.node
  const parser = dirname(dirname(loader));
  const modules = dirname(parser);
  const version = versionOf(parser);
  for (const target of targets()) {
    const build = join(modules, "@oxc-parser", `binding-${target}`);
    const file = join(build, `parser.${target}.node`);
    if (!existsSync(file) || version === undefined || versionOf(build) !== version) continue;
    try {
      const module = { exports: {} as Binding };
      process.dlopen(module, file);
      if (typeof module.exports.parseSync === "function") return module.exports;
    } catch {
      // not loadable here: the loader reports why, if it cannot either
    }
  }
  return undefined;
}

// The `version` of the package.json in `directory`; undefined where there is none to read.
function versionOf(directory: string): string | undefined {
  try {
    const { version } = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as { version?: unknown };
    return typeof version === "string" ? version : undefined;
  } catch {
    return undefined; // no package.json, or not JSON: the build's version is unknown, so oxc-parser's loader decides
  }
}

/** oxc-parser's `parseSync` of its native binding (fields converted when read). */
export const { parseSync: parseNative } = loadBinding(import.meta.url);
