// Timeouts written in shapes other than a number under a timeout's name: one timeout per attempt in an array under
// the plural name (`timeouts: [5000, 5000, 5000]`), and the fallback a utility returns when the configured timeout
// is unset (`_.get(opts.connection.timeout, 9999)`, `defaultTo(options.timeout, 5000)`,
// `_.get(opts, "connection.timeout", 9999)`).
import { calleePath, type EsNode, referenceName, unwrap } from "./ast.ts";
import { words } from "../../name-words.ts";

/** Utilities that return their last argument when the first is unset (lodash's `defaultTo`, tmi.js' `_.get`). */
const FALLBACK_UTILITIES = /^(get|defaultTo|getOrDefault|getOr|valueOr|orDefault|withDefault|ifUndefined|coalesce)$/;

/** Words of a list of delays between tries (`retryTimeouts: [100, 500, 2000]`): a backoff schedule, not deadlines. */
const BETWEEN_TRIES = new Set(["retry", "retries", "backoff", "reconnect", "delay", "delays", "interval", "intervals"]);

/** Words of a name that give one value per attempt: `attemptTimeoutMs: [50, 70, 90]`. */
const PER_ATTEMPT = new Set(["attempt", "attempts", "try", "tries"]);

/**
 * `timeouts: [5000, 5000, 5000, 5000]` (snmp-native's per-attempt request timeouts), `attemptTimeoutMs: [50, 70, 90]`
 * (@api3/commons' `go(fn, options)`, one bound per attempt): the elements, when the singular name, or a timeout name
 * that says attempt, is a timeout's and every element is a positive number (a list of handles or names is not one).
 */
export function perAttemptTimeouts(
  name: string | undefined,
  raw: EsNode,
  isTimeout: (name: string) => boolean,
  evaluate: (node: EsNode) => number | undefined,
): EsNode[] {
  const value = unwrap(raw);
  if (name === undefined || value.type !== "ArrayExpression") return [];
  const plural = /[a-z]s$/i.test(name) && isTimeout(name.slice(0, -1));
  // Most arrays are under names that say nothing of a timeout: split only those that do (hot path).
  if (!plural && !(/timeout/i.test(name) && isTimeout(name) && words(name).some((w) => PER_ATTEMPT.has(w)))) return [];
  if (words(name).some((word) => BETWEEN_TRIES.has(word))) return [];
  const elements = value.elements as (EsNode | null)[];
  if (elements.length === 0 || elements.some((e) => e === null || !((evaluate(e) ?? 0) > 0))) return [];
  return elements as EsNode[];
}

/**
 * In `_.get(opts.connection.timeout, 9999)` or `_.get(opts, "connection.timeout", 9999)`, the fallback (the last
 * argument, a positive number) of a utility given a timeout (by a reference named so, or a path ending in one).
 */
export function utilityFallback(
  call: EsNode,
  isTimeout: (name: string | undefined) => boolean,
  evaluate: (node: EsNode) => number | undefined,
): EsNode | undefined {
  const path = calleePath(call.callee as EsNode) ?? "";
  if (!FALLBACK_UTILITIES.test(path.slice(path.lastIndexOf(".") + 1))) return undefined;
  const args = (call.arguments as EsNode[]).map(unwrap);
  const fallback = args.at(-1);
  if (!fallback || args.length < 2 || args.length > 3 || !((evaluate(fallback) ?? 0) > 0)) return undefined;
  const subject = args[args.length - 2]!;
  const named =
    args.length === 2
      ? referenceName(subject)
      : subject.type === "Literal" && typeof subject.value === "string"
        ? subject.value.split(".").at(-1)
        : undefined;
  return isTimeout(named) ? fallback : undefined;
}
