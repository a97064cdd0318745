// Where a package's modules may read ANOTHER module's constant (session 29, guard-pygui29): spyder's language-server
// `common/consumer.py` defines `TIMEOUT = 5000` and never reads it; `TIMEOUT` is written in other files too, but as
// their own constants (`common/producer.py`'s `TIMEOUT = 5000`, read by its poll) and as `pexpect.TIMEOUT`, so the
// count of files that mention the word (`words`) cannot tell that nothing reads consumer's. Another module reads a
// module's constant only by importing it (`from .consumer import TIMEOUT`, or `*` from a module of the package) or
// through the module object (`consumer.TIMEOUT`, `getattr(consumer, "TIMEOUT")`). The package pass records the
// timeout-looking words some module names in one of those ways (`*` for a star import of the package's own); a dotted
// read on a module the file imports from outside the package (`import pexpect` ... `pexpect.TIMEOUT`) is none of them.

import { packageFileKey } from "../../package-facts-shape.ts";

/** `from .consumer import (A, TIMEOUT as T)`, `from spyder.x import *`: the module, then what it imports. */
const FROM_IMPORT = /^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)/gm;
/** `import pexpect`, `import os.path as p`: names bound to modules. */
const MODULE_IMPORT = /^[ \t]*import[ \t]+([\w.]+)(?:[ \t]+as[ \t]+(\w+))?/gm;
/**
 * What `namedElsewhere` holds for a star import of one of the package's own modules: `*` followed by the module's last
 * name (`from .basic import *`: `*basic`, a package's `__init__` by its folder's name), whose names may all be read; a
 * bare `*` when the module has no name (`from . import *`): any module's may.
 */
export const ANY_NAME = "*";

/**
 * What `namedElsewhere` holds for an import the package pass could trace to the module file that defines it: the name,
 * this separator, then the file's key (`DEFAULT_TIMEOUT from /pkg/github/api/helper.py`). pontos' `release/helper.py`
 * keeps `DEFAULT_TIMEOUT = 1000` that nothing reads, while `github/script/_parser.py` imports the one of
 * `github/api/helper.py`: only a read of that file's name. An import the pass cannot trace counts as a read of the name
 * in every module.
 */
export const FROM_MODULE = " from ";

/**
 * Adds to `out` the timeout-looking words (`found`, from the package pass) that `text` imports from a module of the
 * package (relative, or under one of the package's `folders`; qualified by the module's file when `moduleFile` finds
 * it), reads after a dot (other than on a module imported from outside the package) or names in quotes, and `*` for a
 * star import of the package's own.
 */
export function namedElsewhereIn(
  text: string,
  found: readonly { word: string; start: number }[],
  folders: ReadonlySet<string>,
  out: Set<string>,
  moduleFile: (module: string) => readonly string[] = () => [],
): void {
  if (found.length === 0 && !text.includes("*")) return;
  const own = (module: string) => module.startsWith(".") || folders.has(module.split(".")[0]!);
  const words = new Set(found.map(({ word }) => word));
  for (const match of text.matchAll(FROM_IMPORT)) {
    if (!own(match[1]!)) continue;
    for (const part of match[2]!.replace(/[()\\]/g, " ").split(",")) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name === "*") out.add(`${ANY_NAME}${/(\w+)$/.exec(match[1]!)?.[1] ?? ""}`);
      else if (name && words.has(name)) {
        const files = moduleFile(match[1]!);
        if (files.length === 0) out.add(name);
        for (const file of files) out.add(`${name}${FROM_MODULE}${file}`);
      }
    }
  }
  const outside = new Set<string>();
  for (const match of text.matchAll(MODULE_IMPORT))
    if (!own(match[1]!)) outside.add(match[2] ?? match[1]!.split(".")[0]!);
  for (const { word, start } of found) {
    const before = text[start - 1];
    if (before === '"' || before === "'") out.add(word);
    if (before !== ".") continue;
    const lineStart = text.lastIndexOf("\n", start) + 1;
    const receiver = /(?:^|[^\w.)\]])(\w+)\s*$/.exec(text.slice(Math.max(lineStart, start - 120), start - 1))?.[1];
    if (receiver === undefined || !outside.has(receiver)) out.add(word);
  }
}

/**
 * Whether no module of the package can read the module constant `name` of the module at `path`: the package pass ran
 * (`namedElsewhere` known), no module imports or dots the name, and none star-imports that module by its name (or a
 * module it cannot name); an import traced to another module's file (`FROM_MODULE`) reads that module's. zigpy-znp's `types/__init__.py` star-imports `.basic`, `.named` and others: none of them is
 * `zigbee/application.py`, whose `STARTUP_TIMEOUT = 5` no module reads (`api.py` reads its own `STARTUP_TIMEOUT`).
 */
export function readNowhereElse(namedElsewhere: readonly string[] | undefined, name: string, path: string): boolean {
  if (namedElsewhere === undefined || namedElsewhere.includes(name) || namedElsewhere.includes(ANY_NAME)) return false;
  if (namedElsewhere.includes(`${name}${FROM_MODULE}${packageFileKey(path)}`)) return false;
  const parts = path.split(/[\\/]/);
  const file = parts.at(-1)?.replace(/\.py$/, "");
  const module = file === "__init__" ? parts.at(-2) : file;
  return module !== undefined && !namedElsewhere.includes(`${ANY_NAME}${module}`);
}
