// What a timer's callback does when it fires: its own statements, not the callbacks it registers for later.
import { calleePath, type EsNode, FUNCTION_TYPES, span, unwrap } from "./ast.ts";
import { walk } from "./walk.ts";

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

/**
 * The source of a function's body without the functions nested in it: `setTimeout(() => { run(); res.on("error",
 * (e) => t.fail(e)) }, 250)` runs `run()` and registers a listener when it fires; the `t.fail` inside that listener
 * is the listener's, not the timer's. Nested bodies are blanked out (offsets are kept).
 */
export function ownText(fn: EsNode, source: string): string {
  const [start, end] = span(fn);
  const chars = source.slice(start, end).split("");
  walk(fn.body as EsNode, undefined, (node) => {
    if (!FUNCTION_TYPES.has(node.type)) return;
    const [from, to] = span(node);
    for (let i = from; i < to; i++) chars[i - start] = " ";
  });
  return chars.join("");
}
