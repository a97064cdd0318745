// Reconnection delays kept in a field and read only scaled by a count of tries: cojson-transport-ws stores
// `this.reconnectionTimeout = opts.reconnectionTimeout || 500` and reads it only as `this.reconnectionTimeout *
// this.reconnectionAttempts`, the wait before the next connection growing with each failed try; its tests hand
// `new WebSocketPeerWithReconnection({ reconnectionTimeout: 100 })` (fresh348). A backoff's base says how long to
// wait before trying again, not how long to wait for anything: nothing is bounded by it, whatever it is called.
// Decided on the package's text by the package pass (`package-facts.ts`): every mention of the name is a definition (an
// options key, a type member, a field written) or a read scaled by a count of tries, and at least one is that read.
// A bare `timeout` field is left alone: too many objects share the name.
import { isBareTimeoutName } from "../../name-words.ts";
import { destinationOf, type EsNode, unwrap } from "./ast.ts";

const TIMEOUT_LIKE = /time_?out/i;
/** `this.X = ...`: a field the package writes. */
const FIELD_STORE = /\bthis\.([A-Za-z_$][\w$]*)\s*=(?!=)/g;
/** A count of tries, as it is named (`this.reconnectionAttempts`, `retries`, `failureCount`). */
const TRIES = /(?:attempts?|retr(?:y|ies)|tries|failures?)[\w$]*$/i;
/** `X * <tries>` after a read. */
const SCALED_AFTER = /^\s*\*\s*[\w$.]*?(?:attempts?|retr(?:y|ies)|tries|failures?)[\w$]*/i;
/** `<tries> * this.X` before a read (the receiver included). */
const SCALED_BEFORE = /(?:attempts?|retr(?:y|ies)|tries|failures?)[\w$]*\s*\*\s*(?:[\w$]+\.)*$/i;

/** The timeout-like field names the package's JavaScript and TypeScript `files` read only as a backoff's base. */
export function backoffFieldNames(files: readonly string[]): Set<string> {
  const candidates = new Set<string>();
  for (const text of files) {
    if (!TIMEOUT_LIKE.test(text)) continue;
    for (const match of text.matchAll(FIELD_STORE)) {
      const name = match[1]!;
      if (TIMEOUT_LIKE.test(name) && !isBareTimeoutName(name) && !TRIES.test(name)) candidates.add(name);
    }
  }
  if (candidates.size === 0) return new Set();
  // One scan of each file for every candidate at once (a package may have thousands of files).
  const escaped = [...candidates].map((name) => name.replace(/\$/g, "\\$"));
  const mention = new RegExp(`(?<![\\w$])(?:${escaped.join("|")})(?![\\w$])`, "g");
  const scaled = new Set<string>();
  const other = new Set<string>();
  for (const text of files)
    for (const match of text.matchAll(mention)) {
      const name = match[0];
      if (other.has(name)) continue;
      const use = mentionKind(text, match.index, name);
      if (use === "scaled") scaled.add(name);
      else if (use === "other") other.add(name);
    }
  return new Set([...scaled].filter((name) => !other.has(name)));
}

/**
 * What the mention of `name` at `at` does: defines it (an options key or a type member, `X: 100`, `X?: number`; a
 * field written, `this.X = ...`, or its copy in the same statement, `this.X = opts.X || 500`), reads it scaled by a
 * count of tries, or anything else (a read, a destructuring, a string).
 */
function mentionKind(text: string, at: number, name: string): "definition" | "scaled" | "other" {
  const before = text.slice(Math.max(0, at - 120), at);
  const after = text.slice(at + name.length, at + name.length + 120);
  const member = before.endsWith(".");
  if (!member) return /^\s*[?!]?\s*[:=](?!=)/.test(after) ? "definition" : "other";
  if (/^\s*=(?!=)/.test(after)) return "definition";
  if (SCALED_AFTER.test(after) || SCALED_BEFORE.test(before.slice(0, -1))) return "scaled";
  // `this.X = opts.X || 500`: the option copied into the field, in the statement that writes it.
  const line = before.slice(before.lastIndexOf("\n") + 1);
  return new RegExp(`\\bthis\\.${name.replace(/\$/g, "\\$")}\\s*=(?!=)`).test(line) ? "definition" : "other";
}

/** Adds to `notDurations` the sites that store under a name of `names` (the package pass's `backoffFieldNames`). */
export function markBackoffFields(
  sites: readonly EsNode[],
  names: ReadonlySet<string> | undefined,
  notDurations: Set<EsNode>,
): void {
  if (!names || names.size === 0) return;
  const values = new Set<EsNode>();
  for (const site of sites) {
    const destination = destinationOf(site);
    if (destination === undefined || !names.has(destination.name)) continue;
    notDurations.add(site);
    // `this.X = opts.X || 500`: the fallback is a site of its own, judged under the name it falls back for.
    for (
      let value = unwrap(destination.value);
      value.type === "LogicalExpression";
      value = unwrap(value.right as EsNode)
    )
      values.add(value);
  }
  for (const site of sites) if (values.has(site) || values.has(unwrap(site))) notDurations.add(site);
}
