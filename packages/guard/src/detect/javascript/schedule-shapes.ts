// Shapes of the values schedules and liveness checks are made of, for the facts that tell a schedule named like a
// timeout (a keep-alive sent, a check run every so often) from a bound (how long something may stay silent).
import { type EsNode, unwrap } from "./ast.ts";

/**
 * The part of a timer's delay that names it: `keepAliveTimeout` in `this.config.keepAliveTimeout * 1000 - (Date.now() -
 * this.lastcmd)` (ts3-nodejs-library: the keep-alive is sent that long after the last command), the name converted to
 * another unit or shortened by the time already gone, on the left of each step.
 */
export function scheduledName(raw: EsNode): EsNode {
  let delay = unwrap(raw);
  for (
    let depth = 0;
    depth < 3 && delay.type === "BinaryExpression" && /^[-+*/]$/.test(delay.operator as string);
    depth++
  )
    delay = unwrap(delay.left as EsNode);
  return delay;
}

/**
 * In an order comparison with a difference (`now - node.lastHeartbeatTime > this.opts.heartbeatTimeout`), the other
 * side: what an elapsed time is held against.
 */
export function elapsedBound(node: EsNode): EsNode | undefined {
  if (!/^[<>]=?$/.test(node.operator as string)) return undefined;
  const [left, right] = [unwrap(node.left as EsNode), unwrap(node.right as EsNode)];
  if (left.type === "BinaryExpression" && left.operator === "-") return right;
  if (right.type === "BinaryExpression" && right.operator === "-") return left;
  return undefined;
}
