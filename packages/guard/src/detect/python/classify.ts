// What a timeout expression holds: hardcoded durations, "no limit" values, or nothing to report.
import type { Node as TsNode } from "web-tree-sitter";
import { isTimeoutPhase } from "../../timeout-phases.ts";
import { isTimeoutStatusCode } from "../../status-codes.ts";
import { spellsInfinity, wrappedLiteral } from "./wrapped-literals.ts";
import type { PyFacts } from "./facts.ts";
import { localNones } from "./local-nones.ts";
import { isLookup, keyedDefault, lookupFallback } from "./lookups.ts";
import { handedToSwitchOff } from "./switch-off.ts";
import { addends, referenceName, stringContent, unwrap } from "./syntax.ts";
import { inTests, POLL_BELOW } from "./polls.ts";
import { unitProduct } from "./unit-products.ts";
import { type Classified, DAY, isCode, MAX_DEPTH, NO_LIMIT, respelledNoLimit, type ZeroMeans } from "./values.ts";

/** How many names for one constant (`A = B`, `B = 4`) are followed to its literal. */
const MAX_ALIASES = 5;

// The hardcoded or unbounded values a timeout expression holds. `None` counts only where the
// caller knows it means "no limit" (`noneIsUnbounded`); `0` means "poll, don't block" in Python
// unless an API says otherwise (`zero`).
export function classify(
  facts: PyFacts,
  raw: TsNode,
  noneIsUnbounded: boolean,
  zero: ZeroMeans,
  out: Classified[] = [],
  depth = 0,
): Classified[] {
  if (depth > MAX_DEPTH) return out;
  const node = unwrap(raw);
  switch (node.type) {
    case "none":
      if (noneIsUnbounded) out.push({ kind: "unbounded", node, literal: "None" });
      return out;
    case "tuple": {
      const values = node.namedChildren.map((child) => (child ? facts.evaluate(child) : undefined));
      // `STATUS_CODES_TIMEOUT = (STATUS_CODE_REQUEST_TIMEOUT, STATUS_CODE_GATEWAY_TIMEOUT)`: a tuple of statuses.
      const statuses = node.namedChildren.some((child, i) => isTimeoutStatusCode(child?.text, values[i]));
      if (values.length > 0 && values.every((v) => v !== undefined && v > 0) && !statuses)
        out.push({ kind: "hardcoded", node, literal: node.text });
      return out;
    }
    case "dictionary":
      for (const pair of node.namedChildren) {
        if (pair?.type !== "pair") continue;
        const key = pair.childForFieldName("key");
        const name = key?.type === "string" ? stringContent(key) : undefined;
        const value = pair.childForFieldName("value");
        if (value && name !== undefined && (isTimeoutPhase(name) || facts.isTimeout(name))) {
          classify(facts, value, noneIsUnbounded, zero, out, depth + 1);
        }
      }
      return out;
    case "conditional_expression": {
      // `x if cond else None`, `timeout.total or None`: None there means "unset", not "forever".
      // `math.inf if deadline is None else deadline - now()`: the caller's None re-spelled as "no limit" is theirs.
      const condition = node.namedChildren[1]?.text ?? "";
      const callers = /\bis not None\b/.test(condition) ? 2 : /\bis None\b/.test(condition) ? 0 : -1;
      for (const at of [0, 2]) {
        const branch = node.namedChildren[at];
        if (!branch) continue;
        const found = classify(facts, branch, false, zero, [], depth + 1);
        out.push(...(at === callers ? found.filter((item) => item.kind !== "unbounded") : found));
      }
      return out;
    }
    case "boolean_operator": {
      // `self.timeout or one_week`: the caller's "no limit" re-spelled is theirs (`respelledNoLimit`).
      const right = node.childForFieldName("right");
      for (const side of [node.childForFieldName("left"), right]) {
        const found = side ? classify(facts, side, false, zero, [], depth + 1) : [];
        if (side !== right || !respelledNoLimit(facts, node, found)) out.push(...found);
      }
      return out;
    }
    case "identifier": {
      let constant = facts.constant(node);
      // solaar's `_PING_TIMEOUT = DEFAULT_TIMEOUT`: another name for a constant; the literal is `DEFAULT_TIMEOUT = 4`'s,
      // reported where it is written, not again on the alias's line.
      for (let hop = 0; constant?.node.type === "identifier" && hop < MAX_ALIASES; hop++)
        constant = facts.constant(constant.node) ?? constant;
      // `WAIT_TIMEOUT = STATUS_TIMEOUT` where `STATUS_TIMEOUT = 258` is an entry of a code list (`STATUS_WAIT_0 = 0`,
      // `STATUS_USER_APC = 192`, `STATUS_PENDING = 259`...): another name for a code, not a duration.
      const listed = constant?.node.parent ? facts.codeStatements.has(constant.node.parent.id) : false;
      const status = constant !== undefined && isTimeoutStatusCode(constant.name, constant.value);
      if (constant && constant.value > 0 && !isCode(constant.node) && !listed && !status)
        out.push({ kind: "hardcoded", node: constant.node, literal: `${constant.name} = ${constant.node.text}` });
      // `max_timeout = 1.0 / len(alive)` then `min(remaining, max_timeout)`: the shared budget, through its local.
      const share = constant ? undefined : facts.arithmetic(node);
      if (share && budgetShare(facts, share)) out.push(budgetShare(facts, share)!);
      if (constant || share) return out;
      // `def socket_timeout(seconds=15): socket.setdefaulttimeout(seconds)`, `def finishes(proc, deadline=30):
      // proc.join(deadline)`: the default of a parameter the body hands on (a timeout's name is judged where written;
      // one named as a pacing interval or delay, `polling_interval=1`, `happy_eyeballs_delay=0.25`, paces rounds).
      const pacing = /(delay|interval|pause|sleep|period|backoff)/i.test(node.text);
      const fallback = facts.isTimeout(node.text) || pacing ? undefined : facts.parameterDefault(node);
      const seconds = fallback ? facts.evaluate(fallback) : undefined;
      if (fallback && seconds !== undefined && seconds > 0) {
        const kind = seconds >= NO_LIMIT ? "unbounded" : "hardcoded";
        out.push({ kind, node: fallback, literal: `${fallback.text} (the default of ${node.text})` });
        return out;
      }
      // `socket_timeout = None` ... `redis.Redis(socket_timeout=socket_timeout)`: the function's own None for the wait.
      if (noneIsUnbounded && depth === 0 && facts.isTimeout(node.text) && !handedToSwitchOff(raw))
        for (const none of localNones(node))
          out.push({ kind: "unbounded", node: none, literal: `None (assigned to ${node.text})` });
      // `for timeout in (0, 0.001, 0.5, 2): with fail_after(timeout)`: each literal of the tuple bounds a wait.
      // `for timeout in (10, None): f = opener.open(url, timeout=timeout)`: a short probe, then a round that, where
      // None means "no limit" to the wait, waits without one. A None handed to a callee where None is not known to mean
      // no limit (`noneIsUnbounded` false: ganeti's `for timeout in [None, 1, 30]: GenericCurlConfig(timeout=timeout)`
      // on a fake) reports nothing of the loop.
      const values = facts.loopTuple(node);
      const entries = values?.namedChildren.filter((v): v is TsNode => v !== null && v.type !== "comment") ?? [];
      const nones = entries.filter((v) => unwrap(v).type === "none");
      const numbers = entries.filter((v) => unwrap(v).type !== "none").map((v) => facts.evaluate(v));
      // `for timeout in (5, None): s.settimeout(timeout)`: the 5 bounds the socket's waits, the None switches it off.
      const switchOff = handedToSwitchOff(raw);
      if (!values || numbers.length === 0 || (nones.length > 0 && !noneIsUnbounded && !switchOff)) return out;
      if (numbers.every((n) => n !== undefined && n >= 0) && numbers.some((n) => n! > 0))
        out.push({ kind: "hardcoded", node: values, literal: values.text });
      if (noneIsUnbounded && !switchOff && numbers.every((n) => n !== undefined))
        for (const none of nones) out.push({ kind: "unbounded", node: none, literal: `None (in ${values.text})` });
      return out;
    }
    case "attribute":
      // `math.inf`
      if (spellsInfinity(node)) out.push({ kind: "unbounded", node, literal: node.text });
      return out;
    case "binary_operator": {
      // `timeout + 5`: a pad added to the caller's timeout is a hardcoded part of the wait.
      for (const [reference, pad] of addends(node)) {
        const name = paddedName(facts, reference);
        if (!facts.isTimeout(name) || facts.evaluate(reference) !== undefined) continue;
        const value = facts.evaluate(pad);
        if (value !== undefined && value > 0) {
          out.push({ kind: "hardcoded", node: pad, literal: `${pad.text} (added to ${reference.text})` });
          return out;
        }
      }
      const share = budgetShare(facts, node) ?? unitProduct(facts, node);
      if (share) {
        out.push(share);
        return out;
      }
      // flux_led's `POWER_STATE_TIMEOUT * (5 / 8)`, sshtunnel's `TUNNEL_TIMEOUT * 1.1`: a share or a margin of a timeout
      // constant, which is reported where it is written; the use is not a second hardcoded timeout. A whole multiple
      // (casperjs' `3 * BASE_TIMEOUT`) or a unit conversion (pitivi's `WATCHDOG_TIMEOUT * 1000`, both labelled real) is
      // still reported.
      if (derivedFromConstant(facts, node)) return out;
      break;
    }
    case "call": {
      // `wait(timeout=min(remaining, 1.0))`: the literal caps each wait. A cap of a day or more (trio's
      // `min(timeout, _MAX_TIMEOUT)`, 24 h) guards an overflow, it bounds nothing anyone waits for.
      if (node.childForFieldName("function")?.text === "min") {
        const caps: Classified[] = [];
        for (const arg of node.childForFieldName("arguments")?.namedChildren ?? [])
          if (arg && arg.type !== "comment" && arg.type !== "keyword_argument")
            classify(facts, arg, false, zero, caps, depth + 1);
        out.push(...caps.filter((cap) => cap.kind === "hardcoded" && (facts.evaluate(cap.node) ?? 0) < DAY));
        return out;
      }
      const wrapped = wrappedLiteral(facts, node);
      if (wrapped) out.push({ ...wrapped, node });
      else {
        // `float(os.environ.get("ORG_TIMEOUT_S", 5))`: the fallback inside a conversion and an env lookup.
        const callee = node.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
        const args = (node.childForFieldName("arguments")?.namedChildren ?? []).filter(
          (a): a is TsNode => a !== null && a.type !== "comment" && a.type !== "keyword_argument",
        );
        if (/^(float|int)$/.test(callee) && args.length === 1) classify(facts, args[0]!, false, zero, out, depth + 1);
        else if (isLookup(callee)) {
          // `os.environ.get("X", 5)`, `kwargs.pop("timeout", Timeout(70.0))`, `_env_timeout("WS_OPEN", 30)`.
          const lookup = lookupFallback(node.childForFieldName("arguments")!);
          const text = lookup?.fallback.type === "string" ? stringContent(lookup.fallback) : undefined;
          // `os.getenv("ORG_TIMEOUT_S", "30")`: the environment's values are strings, so are their defaults.
          if (text !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(text) && Number(text) > 0)
            out.push({ kind: "hardcoded", node: lookup!.fallback, literal: lookup!.fallback.text });
          // `Session(timeout=kwargs.get("timeout", None))`: the lookup's own None, handed straight to a wait where None
          // is no limit, is that wait's default (README "Fallbacks and policy deadlines").
          else if (lookup) classify(facts, lookup.fallback, noneIsUnbounded && depth === 0, zero, out, depth + 1);
        } else {
          // `self.timeout = get_anymail_setting("requests_timeout", default=30)`: a setting's default by its key.
          const fallback = keyedDefault(node.childForFieldName("arguments")!, (n) => facts.isTimeout(n), true);
          if (fallback) classify(facts, fallback, false, zero, out, depth + 1);
        }
      }
      return out;
    }
  }
  const value = facts.evaluate(node);
  if (value === undefined || value < 0) return out; // negative: a sentinel, not a duration
  if (isCode(node)) return out;
  if (value === 0) {
    if (zero !== "poll") out.push({ kind: zero, node, literal: node.text });
  } else if (zero === "poll" && value < POLL_BELOW && !inTests(facts)) {
    // `select.select([sys.stdin], [], [], 0.0001)`, `lock.acquire(0.0001)`: under a millisecond, a poll like `0`.
  } else out.push({ kind: value >= NO_LIMIT ? "unbounded" : "hardcoded", node, literal: node.text });
  return out;
}

// `1.0 / len(alive)`: a budget shared out among the items of a round (each waits its share of 1 s).
function budgetShare(facts: PyFacts, node: TsNode): Classified | undefined {
  if (node.type !== "binary_operator" || node.childForFieldName("operator")?.text !== "/") return undefined;
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  const count = right ? unwrap(right) : undefined;
  if (!left || count?.type !== "call" || count.childForFieldName("function")?.text !== "len") return undefined;
  const value = facts.evaluate(left);
  return value !== undefined && value > 0
    ? { kind: "hardcoded", node: left, literal: `${left.text} (shared by ${count.text})` }
    : undefined;
}

// The timeout a pad is added to: `timeout + 5`, or the larger (smaller) of settings one of which is a timeout,
// `max(self.ping_interval, self.ping_timeout) + 5` (engineio's long-poll grace).
function paddedName(facts: PyFacts, reference: TsNode): string | undefined {
  if (reference.type !== "call" || !/^(max|min)$/.test(reference.childForFieldName("function")?.text ?? ""))
    return referenceName(reference);
  const args = reference.childForFieldName("arguments")?.namedChildren ?? [];
  return args
    .map((arg) => (arg ? referenceName(unwrap(arg)) : undefined))
    .find((name, i) => facts.isTimeout(name) && facts.evaluate(args[i]!) === undefined);
}

/** `CONST * 1.1`, `CONST / 2`, `CONST * (5 / 8)` with CONST a timeout constant: a share or a margin of it. */
function derivedFromConstant(facts: PyFacts, node: TsNode): boolean {
  const operator = node.childForFieldName("operator")?.text;
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  if (!left || !right || (operator !== "*" && operator !== "/")) return false;
  const isConstant = (n: TsNode) => {
    const inner = unwrap(n);
    return inner.type === "identifier" && facts.isTimeout(inner.text) && facts.constant(inner) !== undefined;
  };
  const [constant, factor] = isConstant(left)
    ? [left, right]
    : operator === "*" && isConstant(right)
      ? [right, left]
      : [undefined, undefined];
  if (!constant || !factor || unwrap(factor).descendantsOfType("identifier").length > 0) return false;
  const value = facts.evaluate(factor);
  if (value === undefined || value <= 0) return false;
  // `CONST / 1000` converts a unit, as `CONST * 1000` does: reported like it.
  return (
    (operator === "/" && value > 1 && ![60, 1000, 3600, 1e6, 1e9].includes(value)) || (operator === "*" && value < 2)
  );
}
