// Durations built by a duration type's unit factory (`Duration.ofSeconds(5)`, `Duration.milliseconds(10_000)`), read
// back in milliseconds (`.inMilliseconds()`, `.milliseconds`): the same literal as `5000`, written through a type
// that names its unit. Test tools and screenplay frameworks spell their waits' bounds so
// (`{ timeout: Duration.milliseconds(30_000) }`, `static defaultCueTimeout = Duration.ofSeconds(5)`).
import { calleePath, type EsNode, memberName, unwrap } from "./ast.ts";

/** A duration type's name as its factories are reached (`Duration`, `core_1.Duration`, `miscellaneous_1.Duration`). */
const DURATION_TYPE = /(^|\.)Duration$/;

/** Milliseconds per unit of a factory method, by the unit its name says (Java's `ofSeconds`, a `seconds(n)`, `fromMinutes`). */
const UNIT_FACTORIES: Readonly<Record<string, number>> = {
  milliseconds: 1,
  ofMilliseconds: 1,
  ofMillis: 1,
  fromMilliseconds: 1,
  fromMillis: 1,
  millis: 1,
  seconds: 1000,
  ofSeconds: 1000,
  fromSeconds: 1000,
  minutes: 60_000,
  ofMinutes: 60_000,
  fromMinutes: 60_000,
  hours: 3_600_000,
  ofHours: 3_600_000,
  fromHours: 3_600_000,
};

/** Reading a duration back in seconds (`.toSeconds()`, CDK's `Duration`). */
const IN_SECONDS = /^(toSeconds|inSeconds|asSeconds)$/;

/** Reading a duration back in milliseconds: a getter (`.milliseconds`) or a method (`.inMilliseconds()`, `.toMillis()`). */
const IN_MILLISECONDS = /^(milliseconds|inMilliseconds|toMilliseconds|toMillis|asMilliseconds|ms)$/;

/**
 * The milliseconds of `Duration.ofSeconds(5)` (5000), of `Duration.seconds(5).milliseconds` and of
 * `Duration.ofSeconds(10).inMilliseconds()`: a unit factory of a type named `Duration` given one number, read as is
 * or back in milliseconds. Undefined for anything else (a `moment.duration(5, "s")`, a factory given a variable).
 */
export function builtDuration(node: EsNode, evaluate: (node: EsNode) => number | undefined): number | undefined {
  // `.inMilliseconds()`, `.toMillis()`: the call of a reading method.
  if (node.type === "CallExpression" && (node.arguments as EsNode[]).length === 0) {
    const callee = unwrap(node.callee as EsNode);
    if (callee.type === "MemberExpression" && IN_MILLISECONDS.test(memberName(callee) ?? ""))
      return factoryMillis(unwrap(callee.object as EsNode), evaluate);
    // `cdk.Duration.seconds(300).toSeconds()` (@aws-cdk's `requestTimeoutSeconds` defaults, fresh339): read back in
    // seconds, the number a seconds-named setting is given.
    if (callee.type === "MemberExpression" && IN_SECONDS.test(memberName(callee) ?? "")) {
      const millis = factoryMillis(unwrap(callee.object as EsNode), evaluate);
      return millis === undefined ? undefined : millis / 1000;
    }
  }
  // `.milliseconds`: a getter.
  if (node.type === "MemberExpression" && IN_MILLISECONDS.test(memberName(node) ?? ""))
    return factoryMillis(unwrap(node.object as EsNode), evaluate);
  return factoryMillis(node, evaluate);
}

/** `Wait.minimumTimeout.inMilliseconds()`, `timeout.milliseconds`: the duration read back (the node itself otherwise). */
export function readBackSubject(node: EsNode): EsNode {
  const read =
    node.type === "CallExpression" && (node.arguments as EsNode[]).length === 0 ? unwrap(node.callee as EsNode) : node;
  if (read.type !== "MemberExpression" || !IN_MILLISECONDS.test(memberName(read) ?? "")) return node;
  return unwrap(read.object as EsNode);
}

function factoryMillis(node: EsNode, evaluate: (node: EsNode) => number | undefined): number | undefined {
  const args = node.arguments as EsNode[];
  // `new Delay(30000, 60000)`: @firebase/auth's pair of a desktop and a mobile duration (`DEFAULT_API_TIMEOUT_MS`,
  // `PING_TIMEOUT`, bundled by its users): the first, the shorter, is the bound where it is written.
  if (node.type === "NewExpression") {
    const callee = unwrap(node.callee as EsNode);
    return callee.type === "Identifier" && callee.name === "Delay" && args.length === 2
      ? evaluate(args[0]!)
      : undefined;
  }
  if (node.type !== "CallExpression") return undefined;
  const path = calleePath(node.callee as EsNode);
  if (args.length !== 1 || path === undefined) return undefined;
  const dot = path.lastIndexOf(".");
  const method = path.slice(dot + 1);
  // Luxon's `Duration.fromObject({ seconds: 10 })` (@glow-xyz/solana-client's per-method request timeouts, fresh259).
  if (method === "fromObject" && DURATION_TYPE.test(path.slice(0, dot)))
    return objectMillis(unwrap(args[0]!), evaluate);
  // `Milliseconds(10000)`, `(0, core_1.Milliseconds)(120000)`: @cardano-sdk's branded number, a cast that names the
  // unit (fresh333's rxjs `timeout({ first })` bounds): the number itself.
  if (method === "Milliseconds") return evaluate(args[0]!);
  if (dot < 0 || !Object.hasOwn(UNIT_FACTORIES, method) || !DURATION_TYPE.test(path.slice(0, dot))) return undefined;
  const unit = UNIT_FACTORIES[method]!;
  const count = evaluate(args[0]!);
  return count === undefined ? undefined : count * unit;
}

/** Keys of a duration object (`{ seconds: 5 }`, `{ minutes: 1, seconds: 30 }`, a TimeDelta's or Luxon's fields). */
const UNIT_KEYS = /^(milliseconds|millis|ms|seconds|minutes|hours)$/;

/**
 * The values of a duration object literal, every key a unit (`timeout: { seconds: 5 }`, `args.timeout || { seconds: 30
 * }` in @autoblocks/client, fresh223): the same bound as `5000`, written in its unit. Undefined for any other object.
 */
export function durationObjectValues(node: EsNode): EsNode[] | undefined {
  if (node.type !== "ObjectExpression") return undefined;
  const properties = node.properties as EsNode[];
  if (properties.length === 0) return undefined;
  const values: EsNode[] = [];
  for (const property of properties) {
    if (property.type !== "Property" || property.computed) return undefined;
    const key = property.key as EsNode;
    const name = key.type === "Identifier" ? (key.name as string) : undefined;
    if (name === undefined || !UNIT_KEYS.test(name)) return undefined;
    values.push(property.value as EsNode);
  }
  return values;
}

/** Milliseconds per unit of a duration object's key (`{ seconds: 5 }`). */
const UNIT_KEY_MILLIS: Readonly<Record<string, number>> = {
  milliseconds: 1,
  millis: 1,
  ms: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
};

/** The milliseconds of a duration object literal whose every key is a unit and every value a number. */
function objectMillis(node: EsNode, evaluate: (node: EsNode) => number | undefined): number | undefined {
  if (durationObjectValues(node) === undefined) return undefined;
  let total = 0;
  for (const property of node.properties as EsNode[]) {
    const count = evaluate(property.value as EsNode);
    if (count === undefined) return undefined;
    total += count * UNIT_KEY_MILLIS[(property.key as EsNode).name as string]!;
  }
  return total;
}

/** A converter to milliseconds by its name: `convertTimeDeltaToMilliSeconds`, `toMilliseconds`, `durationToMs`. */
const TO_MILLISECONDS = /(^|[a-z])(To|to)(Milli[sS]econds|Millis|Ms)$/;

/**
 * The duration a call converts to milliseconds, by the converter's name: `convertTimeDeltaToMilliSeconds(x)`, and as
 * a bundler calls an imported function, `chunk.convertTimeDeltaToMilliSeconds.call(void 0, x)`.
 */
export function convertedDuration(node: EsNode): EsNode | undefined {
  if (node.type !== "CallExpression") return undefined;
  const callee = unwrap(node.callee as EsNode);
  const args = node.arguments as EsNode[];
  const called = callee.type === "MemberExpression" && memberName(callee) === "call";
  const target = called ? unwrap(callee.object as EsNode) : callee;
  const name =
    target.type === "Identifier"
      ? (target.name as string)
      : target.type === "MemberExpression"
        ? memberName(target)
        : undefined;
  const argument = called ? args[1] : args[0];
  return name !== undefined && TO_MILLISECONDS.test(name) && argument ? argument : undefined;
}
