// Lookups under a timeout's key with a fallback: `ensureOption(options, "timeout", 60000)` (cloudinary),
// `_.get(config, "requestTimeout", 5000)`, `getOption(opts, "timeout", 30_000)`. The fallback is the default timeout
// of whatever reads the value (the eval's rule for `kwargs.pop("timeout", 70)`, `getattr(o, "timeout", 30)`).
import type { Constants } from "./constants.ts";
import { type EsNode, referenceName, unwrap } from "./ast.ts";

/**
 * In `lookup(object, "timeout", 60000)`, the positive number after a timeout-named key: the key is a string that
 * names a timeout, it follows the object looked in (a name, not a string: `createError("CODE", "Timeout", 504)` builds
 * an error), and the number is the call's last argument.
 */
export function keyedFallback(
  call: EsNode,
  isTimeout: (name: string) => boolean,
  constants: Constants,
): EsNode | undefined {
  const args = call.arguments as EsNode[];
  if (args.length < 3) return settingFallback(args, isTimeout, constants);
  const [object, key, fallback] = args.slice(-3).map(unwrap) as [EsNode, EsNode, EsNode];
  const keyed =
    (object.type === "Identifier" || object.type === "MemberExpression") &&
    key.type === "Literal" &&
    typeof key.value === "string" &&
    /^[A-Za-z_$][\w$]*$/.test(key.value) &&
    isTimeout(key.value);
  if (!keyed) return settingFallback(args, isTimeout, constants);
  return duration(fallback, constants) ? fallback : undefined;
}

/**
 * A setting reader's default: `envNum(env, ["BITBUCKET_HTTP_TIMEOUT_MS"], 30_000, { min: 0 })`, `getConfig("read_timeout",
 * ob, 60)`, `env.int("REQUEST_TIMEOUT", 5000)`. One argument names the setting (a string, or a list of them, naming a
 * timeout), and exactly one positive number follows it: the value used when the setting is not given. Options after
 * it (`{ min: 0 }`) are not numbers; two numbers (a default and a bound) leave it undecided, and so does a second
 * string (an error's code beside its message).
 */
function settingFallback(
  args: EsNode[],
  isTimeout: (name: string) => boolean,
  constants: Constants,
): EsNode | undefined {
  const values = args.map(unwrap);
  const at = values.findIndex((arg) => namesSetting(arg, isTimeout));
  if (at < 0) return undefined;
  // `createError("FST_REPLY_FROM_TIMEOUT", "Timeout", 504)`: a code, a message and a status, not a setting's name.
  if (values.some((arg, i) => i !== at && arg.type === "Literal" && typeof arg.value === "string")) return undefined;
  const numbers = values.slice(at + 1).filter((arg) => duration(arg, constants));
  if (numbers.length === 0 || (numbers.length > 1 && !bracketed(numbers, constants))) return undefined;
  // `whole("opTimeoutMs", options.opTimeoutMs ?? config.opTimeoutMs, 1)`: the value is handed in beside its name, so
  // the call validates it and the number is a bound (the least it may be), not the default of a reader.
  const handed = values.some((arg, i) => i !== at && arg !== numbers[0] && readsTimeout(arg, isTimeout));
  return handed ? undefined : numbers[0];
}

/**
 * `integerEnv("AGENTATION_WEBHOOK_TIMEOUT_MS", 1e4, 1, MAX_TIMER_MS)` (agentation-mcp, fresh269): the first number
 * after the setting's name, then the least (at most 1) and the most it may be; the default lies between them. Two
 * numbers in another order (`clamp("timeout", 1, 60000)`) leave it undecided.
 */
function bracketed(numbers: EsNode[], constants: Constants): boolean {
  const [first, ...rest] = numbers.map((number) => constants.evaluate(number)!);
  return first! > 1 && rest.every((value) => value <= 1 || value >= first!) && rest.some((value) => value <= 1);
}

/** `"read_timeout"`, `["BITBUCKET_HTTP_TIMEOUT_MS", "HTTP_TIMEOUT"]`: a setting's name (or its aliases) saying timeout. */
function namesSetting(arg: EsNode, isTimeout: (name: string) => boolean): boolean {
  const names = arg.type === "ArrayExpression" ? (arg.elements as (EsNode | null)[]).map((e) => e && unwrap(e)) : [arg];
  return (
    names.length > 0 &&
    names.every((n) => n?.type === "Literal" && typeof n.value === "string" && /^[A-Za-z_$][\w$.-]*$/.test(n.value)) &&
    names.some((n) => isTimeout((n!.value as string).replace(/[.-]/g, "_")))
  );
}

/** `options.opTimeoutMs`, `timeout`, `a.timeout ?? b.timeout`, `Number(opts.timeoutMs)`: an argument that reads a timeout. */
function readsTimeout(arg: EsNode, isTimeout: (name: string) => boolean): boolean {
  const node = unwrap(arg);
  if (node.type === "LogicalExpression")
    return readsTimeout(node.left as EsNode, isTimeout) || readsTimeout(node.right as EsNode, isTimeout);
  if (node.type === "CallExpression") return (node.arguments as EsNode[]).some((a) => readsTimeout(a, isTimeout));
  const name = referenceName(node);
  return name !== undefined && isTimeout(name);
}

function duration(node: EsNode, constants: Constants): boolean {
  const value = constants.evaluate(node);
  return value !== undefined && value > 0 && value !== Number.POSITIVE_INFINITY;
}
