// What a timer's callback does when it fires: its own statements, not the callbacks it registers for later.
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, span, unwrap } from "./ast.ts";

/**
 * `function () { ... }.bind(this)`: the function a callback built by `bind` runs. Anything else as it is.
 */
export function boundFunction(callback: EsNode): EsNode {
  const node = unwrap(callback);
  if (node.type !== "CallExpression") return node;
  const target = calleePath(node.callee as EsNode);
  const callee = unwrap(node.callee as EsNode);
  if (!target?.endsWith(".bind") || callee.type !== "MemberExpression") return node;
  const bound = unwrap(callee.object as EsNode);
  return FUNCTION_TYPES.has(bound.type) ? bound : node;
}

/** Keys that hold no runtime code or point back up (see `walk.ts`). */
const SKIP_KEYS = new Set(["parent", "loc", "range", "start", "end", "typeAnnotation", "returnType", "typeParameters"]);

/**
 * The source of a function's body without the functions nested in it: `setTimeout(() => { run(); res.on("error",
 * (e) => t.fail(e)) }, 250)` runs `run()` and registers a listener when it fires; the `t.fail` inside that listener
 * is the listener's, not the timer's. Each nested function becomes one space. Nested functions are not descended
 * into, so timers nested in timers' callbacks (generated code) cost their own statements only, not their depth.
 */
export function ownText(fn: EsNode, source: string, chained = false): string {
  const nested: [number, number][] = [];
  const stack: unknown[] = [fn.body];
  // With `chained`, `worker.terminate().then(() => reject(err))`: the first callback of a `.then` (or a `.finally`)
  // chained on what the body starts runs when that settles, as the body's own next step, so it is read too.
  const continued = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (!isNode(node)) continue;
    if (FUNCTION_TYPES.has(node.type) && !continued.has(node)) {
      nested.push(span(node));
      continue;
    }
    if (
      chained &&
      node.type === "CallExpression" &&
      /\.(then|finally)$/.test(calleePath(node.callee as EsNode) ?? "")
    ) {
      const first = (node.arguments as EsNode[])[0];
      if (first && FUNCTION_TYPES.has(unwrap(first).type)) continued.add(unwrap(first));
    }
    for (const key of Object.keys(node)) if (!SKIP_KEYS.has(key)) stack.push(node[key]);
  }
  nested.sort((a, b) => a[0] - b[0]);
  const [start, end] = span(fn);
  let text = "";
  let at = start;
  for (const [from, to] of nested) {
    text += source.slice(at, from) + " ";
    at = to;
  }
  return text + source.slice(at, end);
}
