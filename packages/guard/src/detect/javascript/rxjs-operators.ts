// rxjs's `timeout` operator in a pipe (https://rxjs.dev/api/operators/timeout): `source$.pipe(take(1), timeout(5000))`
// errors with a TimeoutError when no value comes within 5 s, and `timeout({ first: 5000, each: 1000 })` bounds the
// first value and the gap between two; `timeoutWith(5000, fallback$)` switches to the fallback instead. Each duration
// bounds a wait. Known by where it is written (an operator handed to `.pipe()`), so a bundle that inlined rxjs and
// calls its local `timeout` is read the same as `import { timeout } from "rxjs"`.
import { calleePath, type EsNode, memberName, propertyName, unwrap } from "./ast.ts";

/** The operator's name as called (`timeout`, `operators.timeout`, `(0, rxjs_1.timeout)`). */
const OPERATOR = /(?:^|\.)(timeout|timeoutWith)$/;
/** The keys of `timeout(config)` that are durations; `with` and `meta` are not. */
const DURATION_KEYS = new Set(["first", "each"]);

/** The durations the timeout operators handed to a `.pipe(...)` call bound their source with. */
export function pipedTimeouts(node: EsNode): { value: EsNode; operator: string }[] {
  if (node.type !== "CallExpression") return [];
  const callee = unwrap(node.callee as EsNode);
  if (callee.type !== "MemberExpression" || memberName(callee) !== "pipe") return [];
  const found: { value: EsNode; operator: string }[] = [];
  for (const raw of node.arguments as EsNode[]) {
    const operator = unwrap(raw);
    if (operator.type !== "CallExpression") continue;
    const name = OPERATOR.exec(calleePath(operator.callee as EsNode) ?? "")?.[1];
    const first = (operator.arguments as EsNode[])[0];
    if (name === undefined || first === undefined || first.type === "SpreadElement") continue;
    const config = unwrap(first);
    if (config.type !== "ObjectExpression") found.push({ value: first, operator: name });
    else if (name === "timeout")
      for (const property of config.properties as EsNode[])
        if (property.type === "Property" && DURATION_KEYS.has(propertyName(property) ?? ""))
          found.push({ value: property.value as EsNode, operator: `${name}({ ${propertyName(property)} })` });
  }
  return found;
}
