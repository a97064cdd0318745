// redux-saga's race with a delay (https://redux-saga.js.org/docs/advanced/RacingEffects): `yield race({ response:
// call(fetchApi), timeout: delay(10000) })` resumes with whichever effect finishes first, so the delay is how long
// the saga waits for the others, a deadline (redux-saga-requests' `timeout: call(delay, 10000)`, fresh278). Known by
// the effect written in the race, so a compiled `(0, _effects.race)({ ..., timeout: (0, _effects.call)(_reduxSaga.delay,
// 10000) })` reads the same.
import { calleePath, type EsNode, unwrap } from "./ast.ts";

/**
 * The race effect as called (`race`, `effects.race`, `(0, _effects.race)`); not a promise library's `Promise.race`,
 * whose raced sleep is judged as a race's deadline elsewhere (`raced-calls.ts`).
 */
const RACE = /^(?!(?:[\w$]+\.)*(?:Promise|Bluebird|bluebird)\.race$)(?:[\w$]+\.)*race$/;
/** `delay(ms)` (redux-saga 1's effect, or its `delay` helper called through `call`). */
const DELAY = /(?:^|\.)delay$/;
/** `call(fn, ...args)`, `effects.call`. */
const CALL = /(?:^|\.)call$/;

/** The durations of the delays a race effect's object (or array) races the other effects against. */
export function racedDelays(node: EsNode): EsNode[] {
  if (node.type !== "CallExpression") return [];
  // Asked of every call: the regex only for the few paths that end in `race`.
  const path = calleePath(node.callee as EsNode) ?? "";
  if (!path.endsWith("race") || !RACE.test(path)) return [];
  const first = (node.arguments as EsNode[])[0];
  if (!first) return [];
  const effects = unwrap(first);
  const entries =
    effects.type === "ObjectExpression"
      ? (effects.properties as EsNode[]).filter((p) => p.type === "Property").map((p) => p.value as EsNode)
      : effects.type === "ArrayExpression"
        ? (effects.elements as (EsNode | null)[]).filter((e): e is EsNode => e !== null)
        : [];
  // A race of one effect races nothing.
  if (entries.length < 2) return [];
  const found: EsNode[] = [];
  for (const raw of entries) {
    const effect = unwrap(raw);
    if (effect.type !== "CallExpression") continue;
    const effectPath = calleePath(effect.callee as EsNode) ?? "";
    const args = (effect.arguments as EsNode[]).filter((arg) => arg.type !== "SpreadElement");
    if (DELAY.test(effectPath) && args.length >= 1) found.push(args[0]!);
    else if (CALL.test(effectPath) && args.length >= 2 && DELAY.test(calleePath(unwrap(args[0]!)) ?? ""))
      found.push(args[1]!);
  }
  return found;
}
