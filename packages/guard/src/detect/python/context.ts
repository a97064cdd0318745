import type { Node as TsNode } from "web-tree-sitter";
import { calleeNamed, EQUALITY, MOCK_CALL_ASSERTIONS, ORDER_AND_IDENTITY } from "./assertion-names.ts";
import { withoutText } from "./syntax.ts";

// Where a value sits decides whether anything waits on it: assertions, expected refusals, mock clocks,
// `is None` branches, stubs and enums. Pure functions of the syntax tree, shared by the Python rules.

// unittest's comparing assertions (`assertDictEqual`, `assertCountEqual`, `assertAlmostEqual`, `assertGreater`...), not
// `assertTrue`/`assertRaises`, which run or test what they are given.
const ASSERTION_CALLS = calleeNamed(EQUALITY, ORDER_AND_IDENTITY, MOCK_CALL_ASSERTIONS);

// Methods that block until they return: a call to one inside an assertion waits before anything is compared.
export const BLOCKING_METHODS =
  /^(wait|wait_for|join|poll|get|put|acquire|result|exception|recv|recv_bytes|communicate)$/;

// Methods that wait for what the object queued before they return (posthog's `client.flush(timeout_seconds=5)` beside a
// mocked post): a wait for the mocked-tests rule (doubles.ts). Kept out of BLOCKING_METHODS, whose judgement of calls
// made inside assertions has not been measured with them.
export const DRAINING_METHODS = /^flush$/;

// Inside `assert ...` or a mock/equality assertion: the value is compared, nothing waits. Not the argument of a
// blocking call made inside one: `self.assertEqual(a.poll(1.0), True)`, `assert q.get(timeout=1) == 4` wait first;
// nor of an awaited call (debusine's `self.assertEqual(await communicator.receive_json_from(timeout=3), PAYLOAD)`):
// the coroutine runs to its end, or its timeout, before anything is compared.
export function inAssertion(node: TsNode): boolean {
  let current: TsNode | null = node.parent;
  for (let depth = 0; current && depth < 12; depth++, current = current.parent) {
    if (current.type === "assert_statement") return true;
    if (current.type === "await") return false;
    if (current.type === "call" && ASSERTION_CALLS.test(current.childForFieldName("function")?.text ?? "")) return true;
    if (current.type === "call") {
      const callee = current.childForFieldName("function");
      if (callee?.type === "attribute" && BLOCKING_METHODS.test(callee.childForFieldName("attribute")?.text ?? ""))
        return false;
    }
    if (current.type === "expression_statement" || current.type === "block") return false;
  }
  return false;
}

// Where the caller's "no limit" is in force: inside an `if`/`elif` that tests `... is None` (of `name`,
// when given: also `name == 0`, `name <= 0`, `not name`, the caller's 0 that a pool or driver reads as "no
// limit") or that the configured timeout is infinite, in the `else` of a test that it is not, or after
// `assert ... is None` in the same block.
export function underNoneCheck(node: TsNode, name?: string, isModule?: (name: string) => boolean): boolean {
  // `if httpx2 is not None:` tests whether an optional import is installed, not the caller's timeout.
  const about = (condition: string) =>
    isModule
      ? condition.replace(/([\w.]+)\s+is\s+(not\s+)?None\b/g, (test, subject: string) =>
          isModule(subject) ? "" : test,
        )
      : condition;
  const tests = (condition: string) =>
    name === undefined
      ? /\bis None\b|infinite/i.test(about(condition))
      : new RegExp(
          `(^|[^\\w.])${name.replace(/[.]/g, "\\.")}(\\s+is None\\b|\\s*(==|<=)\\s*0(\\.0)?(?![\\w.])|\\s*<\\s*0(?![\\w.]))|\\bnot\\s+${name.replace(/[.]/g, "\\.")}\\s*$`,
        ).test(condition);
  let child: TsNode = node;
  let current: TsNode | null = node.parent;
  for (let depth = 0; current && depth < 12; depth++, child = current, current = current.parent) {
    if (current.type === "function_definition" || current.type === "class_definition") return false;
    if (current.type === "block" && name === undefined) {
      for (let previous = child.previousNamedSibling; previous; previous = previous.previousNamedSibling)
        if (previous.type === "assert_statement" && /\bis None\b/.test(previous.text)) return true;
    }
    if (current.type === "if_statement" || current.type === "elif_clause") {
      if (child.type === "elif_clause" || child.type === "else_clause") continue;
      if (tests(current.childForFieldName("condition")?.text ?? "")) return true;
      if (current.type === "if_statement") return false;
    }
    if (current.type === "else_clause" && name === undefined) {
      // `elif not timeout.is_infinite: ... else: select(..., None)`: the else branch is the infinite one.
      const chain = current.parent;
      const conditions = about(
        [chain, ...(chain?.namedChildren.filter((c) => c?.type === "elif_clause") ?? [])]
          .map((c) => c?.childForFieldName("condition")?.text ?? "")
          .join("\n"),
      );
      if (/\bis not None\b|\bnot\s+[\w.]*infinite/i.test(conditions)) return true;
    }
  }
  return false;
}

// Inside a test that runs on a mock clock (`async def test_x(mock_clock)`, trio's `autojump_clock`):
// its durations are virtual, the test moves the clock by hand and nothing waits in real time.
export function onMockClock(node: TsNode): boolean {
  let current: TsNode | null = node.parent;
  for (let depth = 0; current && depth < 40; depth++, current = current.parent) {
    if (current.type === "function_definition")
      return /\b(mock|autojump|fake|frozen|virtual)_?clock\b/i.test(
        current.childForFieldName("parameters")?.text ?? "",
      );
  }
  return false;
}

// The function's docstring says a negative timeout disables it (waits without a limit).
export function negativeDisables(fn: TsNode): boolean {
  const first = fn.childForFieldName("body")?.namedChildren.find((c) => c?.type !== "comment");
  if (first?.type !== "expression_statement" || !/^["']/.test(first.text)) return false;
  return /(negative|-1)[^.]{0,80}\b(disable|indefinitely|forever|no (time ?)?limit|without a limit|infinite|no timeout)|(disable|indefinitely|forever|without a limit)[^.]{0,60}\b(negative|-1)/i.test(
    first.text,
  );
}

// A member of `class X(enum.Enum)` / `IntEnum` / `IntFlag`: a code, not a duration. So is a member of a plain class
// named for codes whose body is nothing but literal constants (pocsuite3's `class ERROR_TYPE_ID: CONNECTTIMEOUT = 3.2`).
export function inEnumClass(assignment: TsNode): boolean {
  const statement = assignment.parent;
  const cls = statement?.type === "expression_statement" ? statement.parent?.parent : undefined;
  if (cls?.type !== "class_definition") return false;
  if (/\b(Enum|IntEnum|IntFlag|Flag|StrEnum)\b/.test(cls.childForFieldName("superclasses")?.text ?? "")) return true;
  return CODE_CLASS.test(cls.childForFieldName("name")?.text ?? "") && onlyLiteralConstants(cls);
}

/**
 * `ERROR_TYPE_ID`, `StatusCodes`, `ErrorTypes`, sqlmap's `TIMEOUT_STATE` (`NORMAL = 0`, `EXCEPTION = 1`, `TIMEOUT = 2`):
 * a class named for the codes, states or outcomes it lists.
 */
const CODE_CLASS =
  /(^|_)(IDS?|TYPES?|CODES?|ERRORS?|STATUS(ES)?|KINDS?|STATES?|RESULTS?|REASONS?)$|[a-z](Ids?|Types?|Codes?|Errors?|Status(es)?|Kinds?|States?|Results?|Reasons?)$/;

// A class body of docstrings and `NAME = <number or string>` statements only.
function onlyLiteralConstants(cls: TsNode): boolean {
  const body = cls.childForFieldName("body")?.namedChildren ?? [];
  return body.every((statement) => {
    if (!statement || statement.type === "comment") return true;
    const inner = statement.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (inner?.type === "string") return true;
    const right = inner?.type === "assignment" ? inner.childForFieldName("right") : undefined;
    const value = right?.type === "unary_operator" ? right.namedChildren[0] : right;
    return value !== undefined && value !== null && /^(integer|float|string)$/.test(value.type);
  });
}

// An argument of a call expected to be refused: `with pytest.raises(ValueError): f(timeout=-1)`,
// `pytest.raises(TypeError, f, timeout="x")`, `self.assertRaises(ValueError, f, 5)`. A validation error
// is raised before anything waits; another failure (`ZeroDivisionError` from the future a
// `with_timeout` waits on, `TimeoutError`) may come after a real wait, so only the former count.
export function expectedToFail(node: TsNode): boolean {
  let current: TsNode | null = node.parent;
  for (let depth = 0; current && depth < 30; depth++, current = current.parent) {
    if (current.type === "call" && RAISES.test(current.childForFieldName("function")?.text ?? ""))
      return expectsRefusal(current);
    if (current.type === "with_statement") {
      const items = current.namedChildren.find((c) => c?.type === "with_clause");
      for (const item of items?.namedChildren ?? []) {
        const call = item?.childForFieldName("value");
        const raises = call?.type === "as_pattern" ? call.namedChildren[0] : call;
        if (raises?.type === "call" && RAISES.test(raises.childForFieldName("function")?.text ?? ""))
          return expectsRefusal(raises);
      }
    }
    if (current.type === "function_definition") return false;
  }
  return false;
}
const RAISES = /(^|\.)(raises|assertRaises\w*)$/;
// The exception a `raises(...)` expects (its first argument) is a validation error.
function expectsRefusal(raises: TsNode): boolean {
  const first = raises.childForFieldName("arguments")?.namedChildren[0];
  return VALIDATION_ERRORS.test(first?.text ?? "") && !EXPECTS_TIMEOUT.test(first?.text ?? "");
}
// Errors a call raises on its input, before it waits: wrong types and values, failed validation.
const VALIDATION_ERRORS =
  /\b(ValueError|TypeError|\w*ValidationError|\w*ArgumentError|Invalid\w*|\w*ConfigError|OverflowError)\b/;
const EXPECTS_TIMEOUT = /time\s*_?out|TooSlow|deadline|Cancelled/i;

// Inside `with pytest.raises(...)` / `self.assertRaises(...)`.
export function insideRaises(node: TsNode): boolean {
  let current: TsNode | null = node.parent;
  for (let depth = 0; current && depth < 30; depth++, current = current.parent) {
    if (current.type === "with_statement") {
      const items = current.namedChildren.find((c) => c?.type === "with_clause");
      if (items && /\b(raises|assertRaises\w*)\s*\(/.test(items.text)) return true;
    }
    if (current.type === "function_definition") return false;
  }
  return false;
}

// Methods of a cache client whose `timeout=` is the entry's lifetime (Django's cache API, Flask-Caching, cachelib), and
// Kivy's `Cache.register(category, limit=None, timeout=None)` / `Cache.append(category, key, obj, timeout=None)`, whose
// documentation (kivy.cache) says: "Time after which to delete the object if it has not been used".
const CACHE_WRITES = /^(set|add|set_many|get_or_set|touch|cached|memoize|set_multi|add_many|register|append)$/;

// `cache.set(key, value, timeout=300)`, `@cache.cached(timeout=50)`, `CACHES = {"default": {"TIMEOUT": 300}}`:
// how long a cache entry lives (a TTL), not how long anything waits.
export function isCacheLifetime(node: TsNode): boolean {
  if (node.type === "call") {
    const callee = node.childForFieldName("function");
    if (callee?.type !== "attribute") return false;
    const method = callee.childForFieldName("attribute")?.text ?? "";
    return CACHE_WRITES.test(method) && /cache/i.test(callee.childForFieldName("object")?.text ?? "");
  }
  // A pair of a settings table assigned to a cache setting (Django's CACHES).
  for (let current: TsNode | null = node.parent, depth = 0; current && depth < 8; current = current.parent, depth++) {
    if (current.type === "assignment") return /cache/i.test(current.childForFieldName("left")?.text ?? "");
    if (current.type !== "dictionary" && current.type !== "pair") return false;
  }
  return false;
}

// The function's body never reads the parameter, so its default bounds no wait: a fake that only records, an
// ignored compatibility argument, and every body that does nothing (`pass`, `...`, a docstring, `raise
// NotImplementedError`): abstract methods, Protocol and ABC interface methods, `@overload` signatures and no-op
// hooks. Python does not inherit defaults: a call through the base class runs the override with the override's
// own default, and an overloaded call runs the implementation's, which is where the default that waits is
// reported. Strings and comments are not reads (a docstring that documents the parameter); f-strings are.
// A mention followed by `=` is a keyword's name or an assignment's target, not a read: dkim's `arc_verify(...,
// timeout=5)` whose body builds `ARC(..., timeout=5)` with its own literal, plumbum's `tunnel(connect_timeout=5)`
// whose body passes `connect_timeout=self.connect_timeout`. Not for `locals()`/`vars()`/`eval`/`exec` users, which
// may read every parameter.
export function neverRead(fn: TsNode, name: string): boolean {
  const body = fn.childForFieldName("body");
  if (!body) return false;
  const code = withoutText(body.text);
  if (/\b(locals|vars|eval|exec)\s*\(/.test(code)) return false;
  return !new RegExp(`(?<![\\w.])${name}(?!\\w)(?!\\s*=(?!=))`).test(code);
}

// A value inside the default of a parameter its function never reads (`neverRead`): gbulb's `_start_serving(...,
// ssl_handshake_timeout=getattr(constants, "SSL_HANDSHAKE_TIMEOUT", 60.0))` whose body does not pass it on yet. The
// default is the parameter's value only; nothing else sees it.
export function inUnreadDefault(node: TsNode): boolean {
  for (let current = node.parent, depth = 0; current && depth < 12; current = current.parent, depth++) {
    if (current.type === "default_parameter" || current.type === "typed_default_parameter") {
      const name = current.childForFieldName("name")?.text;
      const fn = current.parent?.parent;
      return name !== undefined && fn?.type === "function_definition" && neverRead(fn, name);
    }
    if (/statement$|^(block|module|function_definition|class_definition|lambda)$/.test(current.type)) return false;
  }
  return false;
}

// A local assigned in `fn` and never read there (pathos' `timeout = 5` before `Server.serve(self, 5)`): the only
// mention of the name in the body is the assignment. Not with `locals()`/`vars()`, `global` or `nonlocal`.
export function unreadLocal(fn: TsNode, name: string): boolean {
  const body = fn.childForFieldName("body");
  if (!body) return false;
  const code = withoutText(body.text);
  if (/\b(locals|vars)\s*\(|\b(global|nonlocal)\s/.test(code)) return false;
  return (code.match(new RegExp(`(?<![\\w.])${name}(?!\\w)`, "g"))?.length ?? 0) === 1;
}

// The body only records the parameter in a call log (`self.tcpClients.append((host, port, factory, timeout))`, a fake
// reactor's `connectTCP`): every read is inside the argument of a list's `append`, and nothing else reads it.
export function onlyRecorded(fn: TsNode, name: string): boolean {
  const body = fn.childForFieldName("body");
  if (!body) return false;
  const code = withoutText(body.text);
  const reads = [...code.matchAll(new RegExp(`(?<![\\w.])${name}(?!\\w)`, "g"))];
  if (reads.length === 0) return false;
  return reads.every((read) => insideAppend(code, read.index));
}

// The offset sits inside the parentheses of an `.append(` (with any brackets between, but no call: in
// `out.append(_grab_crl(user_agent, url, timeout))`, certvalidator's, the value is handed to `_grab_crl`, which waits).
function insideAppend(code: string, at: number): boolean {
  let depth = 0;
  let open = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = code[i];
    if (c === ")" || c === "]" || c === "}") depth++;
    else if (c === "(" || c === "[" || c === "{") {
      if (depth > 0) depth--;
      else if (c === "(" && /\.append\s*$/.test(code.slice(Math.max(0, i - 20), i))) return true;
      else if (c === "(" && /[\w)\]]\s*$/.test(code.slice(Math.max(0, i - 20), i))) return false;
      else open++;
    } else if (c === "\n" && depth === 0 && open === 0) return false;
  }
  return false;
}
