// The package pass's lifetime settings: module constants named like timeouts (`CAPTCHA_TIMEOUT = getattr(settings,
// "CAPTCHA_TIMEOUT", 5)` in a `conf/settings.py`) that every read in the package uses as an expiry (`models.py`:
// `self.expiration = timezone.now() + timedelta(minutes=int(captcha_settings.CAPTCHA_TIMEOUT))`), judged read by read
// with `lifetimeUse`. Such a setting, and a test's write of it (`settings.CAPTCHA_TIMEOUT = 90`), is how long a record
// stays valid, not how long anything waits. One read anywhere that is no lifetime's (a socket's timeout, a sleep, a
// value handed on) keeps the name out.
import type { Parser as TsParser, Node as TsNode } from "web-tree-sitter";
import type { GuardConfig } from "../../config.ts";
import { lifetimeUse, outward } from "./expiries.ts";
import type { PyFacts } from "./facts.ts";
import { isAssignmentTarget, keptForNoWait } from "./lifetimes.ts";
import { everyLocalRead } from "./local-reads.ts";
import type { PythonFacts } from "./package-keepers.ts";
import { eachReadModule } from "./package-modules.ts";

/** A module-level constant named in capitals: `CAPTCHA_TIMEOUT = ...` at column 0. */
const MODULE_CONSTANT = /^([A-Z][A-Z0-9_]*)[ \t]*=(?!=)/gm;

/** Fills `python.lifetimes`: the module constants every read of which in the package is an expiry's. */
export function findLifetimeSettings(
  modules: readonly (readonly [string, string])[],
  python: PythonFacts,
  config: GuardConfig,
  parser: TsParser,
  isTimeout: (name: string) => boolean,
): void {
  const names = new Set<string>();
  for (const [, text] of modules)
    for (const match of text.matchAll(MODULE_CONSTANT)) if (isTimeout(match[1]!)) names.add(match[1]!);
  if (names.size === 0) return;
  const uses = new Map<string, number>();
  const failed = new Set<string>();
  const word = new RegExp(`\\b(${[...names].join("|")})\\b`);
  const mentioned = (text: string) => [...names].filter((name) => new RegExp(`\\b${name}\\b`).test(text));
  eachReadModule(
    modules,
    { parser, config, python },
    (text) => word.test(text),
    ({ tree, facts }) => {
      for (const found of tree.rootNode.descendantsOfType("identifier")) {
        if (!found || !names.has(found.text) || failed.has(found.text)) continue;
        const verdict = judge(facts, found);
        if (verdict === "use") uses.set(found.text, (uses.get(found.text) ?? 0) + 1);
        else if (verdict === "wait") failed.add(found.text);
      }
    },
    // A module the pass cannot read may read any name it mentions some other way.
    (text) => {
      for (const name of mentioned(text)) failed.add(name);
    },
  );
  const lifetimes = [...uses.keys()].filter((name) => !failed.has(name)).sort();
  if (lifetimes.length > 0) (python as { lifetimes?: readonly string[] }).lifetimes = lifetimes;
}

// One occurrence of the name: a write or an import (skip), a lifetime's read (use), or anything else (wait).
function judge(facts: PyFacts, found: TsNode): "use" | "skip" | "wait" {
  const parent = found.parent;
  if (/import|dotted_name|aliased_import/.test(parent?.type ?? "")) return "skip";
  if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === found.id) return "wait";
  const read = parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === found.id ? parent : found;
  if (read === found && parent?.type === "attribute") return "wait";
  if (isAssignmentTarget(read) || savedForRestore(read, found.text)) return "skip";
  // `self._autofill_timeout = settings.DATABASE_CACHE_AUTOFILL_TIMEOUT` whose every read of the field in its file is a
  // lifetime's (`self._cache.set_many(values, timeout=self._autofill_timeout)`) or a test whether it is on: kept.
  return lifetimeUse(facts, read) || keptForNoWait(facts, read, "none") ? "use" : "wait";
}

// `saved = settings.NAME` whose every other read is written back: `settings.NAME = saved` (a test restoring it).
function savedForRestore(read: TsNode, name: string): boolean {
  return everyLocalRead(outward(read), (other) => {
    const back = outward(other);
    const write = back.parent;
    const target = write?.type === "assignment" ? write.childForFieldName("left") : null;
    return (
      write?.childForFieldName("right")?.id === back.id && !!target && new RegExp(`(^|\\.)${name}$`).test(target.text)
    );
  });
}
