// How a duration named like a timeout is used as a LIFETIME or a schedule's delay, one read at a time: compared with
// an entry's age, added to the clock and stored with data, handed to a store or a cookie as an expiry, or handed to a
// timer schedule whose callback only starts something again or tidies up (schedules.ts). `lifetimes.ts` asks this of
// every read of a value (`boundsNoWait`).
import type { Node as TsNode } from "web-tree-sitter";
import { isCacheLifetime } from "./context.ts";
import { positionalIndex } from "./callees.ts";
import { displayedFor, displayField } from "./displays.ts";
import type { PyFacts } from "./facts.ts";
import { leaseUse } from "./lease-headers.ts";
import { persistedExpiry, timedeltaOf } from "./persisted-expiries.ts";
import { scheduledDelay } from "./schedules.ts";
import { checkedByMainLoop } from "./shown-until.ts";
import { everyLocalRead } from "./local-reads.ts";
import { addends, stringContent, unwrap } from "./syntax.ts";

// Calls that set a key's or a session's expiry: Redis `expire`/`setex`, Django's `set_expiry`, `touch`.
const EXPIRY_CALLS = /^(expire|pexpire|expireat|pexpireat|setex|psetex|getex|set_expiry|touch)$/;
// Keywords, and the string keys of a mapping (a cookie's `max-age`, a record's `"expires"`), that hold an expiry.
const EXPIRY_KEYWORDS = /^(ex|px|ttl|expire|expires|expiry|max_age)$/;
const EXPIRY_KEYS = /^(ttl|expires?|expiry|expiration|max[-_]?age|lifetime)$/i;
const ORDERING = /^(<|>|<=|>=)$/;
// Where a cache write takes the entry's lifetime positionally (Django's cache API, cachelib, Flask-Caching, Kivy's
// `Cache`): `set(key, value, timeout)`, `set_many(mapping, timeout)`, `cached(timeout)`, `append(category, key, obj,
// timeout)`. The key and the value (`self.cache.set("req_timeout", timeout)`) are data the cache keeps, not its lifetime.
const LIFETIME_SLOT: Readonly<Record<string, number>> = {
  set: 2,
  add: 2,
  get_or_set: 2,
  register: 2,
  append: 3,
  set_many: 1,
  add_many: 1,
  set_multi: 1,
  touch: 1,
  cached: 0,
  memoize: 0,
};

/** Whether `read`, one read of a value, uses it as a lifetime or as the delay of a schedule that only restarts or tidies. */
export function lifetimeUse(facts: PyFacts, read: TsNode): boolean {
  // `"TIMEOUT": "Second-" + str(timeout.seconds)`: a subscription's or lock's lease, asked for (`lease-headers.ts`).
  if (leaseUse(facts, read)) return true;
  // `timeout * 60`, `timeout * 1000`, `ms / 1000.0`: the same duration in another unit.
  const converted = throughUnits(facts, read);
  if (scheduledDelay(converted)) return true;
  const outer = outward(converted);
  const parent = outer.parent;
  if (!parent) return false;
  // `cookie[name]['max-age'] = timeout * 60`, `{"expires": timeout}`: stored under an expiry's key; `ntf.timeout =
  // timeout * 1000` on a notification. `timeout = timeout * 1000`: the same value in another unit, under the same
  // name, whose own reads are the ones judged.
  if (parent.type === "assignment" && parent.childForFieldName("right")?.id === outer.id) {
    const left = parent.childForFieldName("left");
    return expiryKey(left) || displayField(left) || (converted.id !== read.id && left?.text === read.text);
  }
  if (parent.type === "pair" && parent.childForFieldName("value")?.id === outer.id)
    return expiryString(parent.childForFieldName("key"));
  // `now < entry.timestamp + self.timeout`, `time() + timeout` stored with data.
  if (parent.type === "binary_operator" && parent.childForFieldName("operator")?.text === "+") {
    const [[, start] = []] = addends(parent).filter(([value]) => value.id === unwrap(outer).id);
    if (!start) return false;
    const sum = outward(parent);
    const around = sum.parent;
    if (around?.type === "comparison_operator" && ordering(around))
      return !freshClock(facts, start) && !inWhile(around);
    return (
      isClockReading(facts, start) && (storedWithData(sum) || checkedByMainLoop(facts, sum) || persistedExpiry(sum))
    );
  }
  // `oldest_allowed = now - timeout` then `val[2] < oldest_allowed`: the cut-off of records' ages.
  if (
    parent.type === "binary_operator" &&
    parent.childForFieldName("operator")?.text === "-" &&
    parent.childForFieldName("right")?.id === outer.id
  ) {
    const clock = parent.childForFieldName("left");
    return clock !== null && isClockReading(facts, unwrap(clock)) && cutOff(facts, outward(parent));
  }
  // `current_time - token_time > DEFAULT_TIMEOUT_SECS`, `abs(udir_time - path_time) < lock_timeout`.
  if (parent.type === "comparison_operator" && ordering(parent)) {
    const other = parent.namedChildren.find((c) => c !== null && c.id !== outer.id);
    const age = other ? difference(unwrap(other)) : undefined;
    return age !== undefined && !freshClock(facts, age) && !inWhile(parent);
  }
  // `r.expire(key, timeout)`, `setex(key, timeout, value)`, `r.set(key, value, ex=timeout)`.
  const argument = parent.type === "keyword_argument" ? parent : outer;
  const list = argument.parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  if (call?.type !== "call") return false;
  if (parent.type === "keyword_argument" && EXPIRY_KEYWORDS.test(parent.childForFieldName("name")?.text ?? ""))
    return true;
  // `self.cache.set(key, state, self.existence_check_timeout)`: a cache write's lifetime, as `timeout=` is to it;
  // `tray.showMessage(title, body, icon, timeout * 1000)`: how long the message shows.
  if (cacheLifetimeSlot(call, argument) || displayedFor(facts, call, outer)) return true;
  const callee = call.childForFieldName("function");
  const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee?.text;
  return EXPIRY_CALLS.test(method ?? "");
}

// `now - timeout` compared by order with a timestamp from data (`val[2] < now - timeout`), or kept in a local that is
// only so compared (`oldest_allowed = now - timeout`, gevent's reaping of dead children's records): an age past which a
// record is dropped. Against a clock reading this code took, or in a `while` loop, it bounds a wait.
function cutOff(facts: PyFacts, difference: TsNode): boolean {
  const parent = difference.parent;
  if (parent?.type === "comparison_operator") return agedOut(facts, parent, difference);
  return everyLocalRead(difference, (read) => {
    const outer = outward(read);
    const around = outer.parent;
    return around?.type === "comparison_operator" && agedOut(facts, around, outer);
  });
}

// An ordering comparison of `side` with a timestamp that is not a clock reading this code took, outside `while` loops.
function agedOut(facts: PyFacts, comparison: TsNode, side: TsNode): boolean {
  if (!ordering(comparison) || comparison.namedChildren.length !== 2 || inWhile(comparison)) return false;
  const other = comparison.namedChildren.find((c) => c !== null && c.id !== side.id);
  return other !== undefined && other !== null && !freshClock(facts, unwrap(other));
}

// `a - b` (or `abs(a - b)`): the start `b` an age is measured from.
export function difference(node: TsNode): TsNode | undefined {
  let inner = node;
  if (inner.type === "call" && inner.childForFieldName("function")?.text === "abs")
    inner = unwrap(inner.childForFieldName("arguments")?.namedChildren[0] ?? inner);
  if (inner.type !== "binary_operator" || inner.childForFieldName("operator")?.text !== "-") return undefined;
  const right = inner.childForFieldName("right");
  return right ? unwrap(right) : undefined;
}

// A start this code read from the clock itself (`time.monotonic()`, a local `start = time.time()`, a field the file
// sets from the clock, `self._last_seen = time.time()`, or from a monotonic clock helper of its package,
// `self.__lastReadTime = monotonicTime()`): elapsed time since an event it saw, a wait's or an idle connection's
// bound. A timestamp from data (a token's, a file's `mtime`, an entry's) is an age.
export function freshClock(facts: PyFacts, start: TsNode): boolean {
  if (isClockReading(facts, start)) return true;
  if (start.type !== "identifier" && start.type !== "attribute") return false;
  const written = start.text.replace(/\s+/g, "").replace(/[.]/g, "\\.");
  return new RegExp(
    `(?<![\\w.])${written}\\s*=\\s*(?:[\\w.]*\\.)?(time|monotonic|perf_counter|now|utcnow|time_ns|\\w*[Mm]onotonic\\w*)\\(`,
  ).test(facts.fileCode());
}

export function isClockReading(facts: PyFacts, node: TsNode): boolean {
  return node.type === "call"
    ? facts.isClock(node)
    : node.type === "identifier" && facts.clockNames.has(`${facts.scopeOf(node)}:${node.text}`);
}

// `(time() + timeout, value)`, `{"expires": now + timeout}`, `self._expires[key] = time() + timeout`.
function storedWithData(sum: TsNode): boolean {
  const parent = sum.parent;
  if (!parent) return false;
  if (parent.type === "tuple" || parent.type === "list" || parent.type === "pair") return true;
  return (
    parent.type === "assignment" &&
    parent.childForFieldName("right")?.id === sum.id &&
    parent.childForFieldName("left")?.type === "subscript"
  );
}

export function ordering(comparison: TsNode): boolean {
  const operators = comparison.children.filter((c) => c !== null && !c.isNamed).map((c) => c!.text);
  return operators.length === 1 && ORDERING.test(operators[0]!);
}

export function inWhile(node: TsNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "while_statement") return true;
    if (current.type === "function_definition" || current.type === "class_definition") return false;
  }
  return false;
}

// The node with its parentheses around it.
export function outward(node: TsNode): TsNode {
  let current = node;
  while (current.parent?.type === "parenthesized_expression") current = current.parent;
  return current;
}

// `x * 60`, `(x * 1000)`, `x / 1000.0`, `int(x * 1000)`: the node of the product or quotient with a positive literal
// around `read`, and of a number conversion around it (`int`, `round`, `float` of it alone: the same duration).
export function throughUnits(facts: PyFacts, read: TsNode): TsNode {
  let current = read;
  for (;;) {
    const outer = outward(current);
    const parent = outer.parent;
    // `timedelta(minutes=x)`: the same duration as a datetime's.
    const converted = numberConversion(outer) ?? timedeltaOf(facts, outer);
    if (converted) {
      current = converted;
      continue;
    }
    if (parent?.type !== "binary_operator" || !/^(\*|\/)$/.test(parent.childForFieldName("operator")?.text ?? ""))
      return current;
    const left = parent.childForFieldName("left");
    const other = left?.id === outer.id ? parent.childForFieldName("right") : left;
    if (parent.childForFieldName("operator")?.text === "/" && left?.id !== outer.id) return current;
    if (!other || !((facts.evaluate(other) ?? 0) > 0)) return current;
    current = parent;
  }
}

// `cookie['max-age']`, `record["expires"]`: a subscript under an expiry's string key.
function expiryKey(left: TsNode | null): boolean {
  if (left?.type !== "subscript") return false;
  return expiryString(left.childForFieldName("subscript"));
}

function expiryString(key: TsNode | null): boolean {
  return key?.type === "string" && EXPIRY_KEYS.test(stringContent(key) ?? "");
}

// `argument` (a positional argument, or a keyword argument) of a cache write is the entry's lifetime: its `timeout=`,
// or the positional slot the cache API gives the lifetime.
function cacheLifetimeSlot(call: TsNode, argument: TsNode): boolean {
  if (!isCacheLifetime(call)) return false;
  if (argument.type === "keyword_argument") return argument.childForFieldName("name")?.text === "timeout";
  const callee = call.childForFieldName("function");
  const method = callee?.childForFieldName("attribute")?.text ?? "";
  const list = argument.parent;
  return (
    Object.hasOwn(LIFETIME_SLOT, method) && list !== null && positionalIndex(list, argument) === LIFETIME_SLOT[method]
  );
}

/** Number conversions that keep a duration what it is: `int(t * 1000)` is still `t` in milliseconds. */
const CONVERSIONS = /^(int|round|float)$/;

// `int(x)`, `round(x)`: the call whose only argument is `node`.
export function numberConversion(node: TsNode): TsNode | undefined {
  const list = node.parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  if (call?.type !== "call" || list!.namedChildCount !== 1) return undefined;
  return CONVERSIONS.test(call.childForFieldName("function")?.text ?? "") ? call : undefined;
}
