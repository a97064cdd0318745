// Timeouts that are a CACHE's own lifetimes: a cache class's default entry lifetime (Django's cache API, Flask-Caching,
// cachelib, werkzeug) and FUSE's entry and attribute cache times. Split from `lifetimes.ts` (session 30).
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { withoutText } from "./syntax.ts";

// A cache's own `timeout` (Django's cache API, Flask-Caching, cachelib, werkzeug): its entries' time to live.
const CACHE_LIFETIME_NAMES = /^(default_?|cache_?)?timeout$/i;
// The cache API that takes an entry's lifetime as `timeout`: `def set(self, key, value, timeout=...)`.
const TIMEOUT_WRITES = /\bdef\s+(set|add|set_many|touch|get_or_set)\s*\([^)]*\btimeout\b/;

// `default_timeout=300` in `class RedisCache(BaseRedisCache)` (or `defaultTimeout=300` in ntpsec's `class Cache`),
// `params.get("TIMEOUT", 300)` in Django's `BaseCache`:
// inside a class that is a cache (its name or a base's ends in `Cache`), the default of its writes' `timeout` is how
// long an entry lives: `default_timeout` says so itself, a plain `timeout` when the class's writes take their lifetime
// as `timeout` (diskcache's `Cache(timeout=60)` is its SQLite connection timeout: its writes take `expire`).
// Qualified names (`socket_timeout`, `connect_timeout`) still bound waits.
export function isCacheEntryLifetime(node: TsNode, name: string): boolean {
  if (!CACHE_LIFETIME_NAMES.test(name)) return false;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type !== "class_definition") continue;
    const own = current.childForFieldName("name")?.text ?? "";
    const bases = current.childForFieldName("superclasses")?.text ?? "";
    if (!/Cache$/.test(own) && !/\w*Cache\b(?!\w)/.test(bases)) return false;
    return /^default_?timeout$/i.test(name) || TIMEOUT_WRITES.test(withoutText(current.text));
  }
  return false;
}

// FUSE's reply to a lookup or getattr: `entry_timeout` and `attr_timeout` are how long the kernel may cache the entry and
// its attributes (libfuse's `struct fuse_entry_param`), a cache lifetime nothing waits on.
const FUSE_ENTRY_FIELDS = /^(entry|attr)_timeout$/;
// llfuse's and pyfuse3's `EntryAttributes()`, by the dotted path the file's imports give it (borg re-exports whichever
// binding it found as `llfuse` from its own `fuse_impl`: `.fuse_impl.llfuse.EntryAttributes`).
const FUSE_ENTRY = /(^|\.)(llfuse|pyfuse3)\.EntryAttributes$/;

// `entry.entry_timeout = 300` where `entry = llfuse.EntryAttributes()` is every binding of `entry` the file shows.
export function isFuseEntryLifetime(facts: PyFacts, left: TsNode): boolean {
  if (left.type !== "attribute" || !FUSE_ENTRY_FIELDS.test(left.childForFieldName("attribute")?.text ?? ""))
    return false;
  const object = left.childForFieldName("object");
  const sources = object ? facts.bindingSources(object) : [];
  return (
    sources.length > 0 &&
    sources.every((source) => {
      const made = source?.type === "call" ? source.childForFieldName("function") : null;
      return made !== null && made !== undefined && FUSE_ENTRY.test(facts.resolve(made.text));
    })
  );
}
