// What an expression builds: the callee of a call or `new`, or of both branches of a choice alike (a server built by
// `http.createServer` or `https.createServer`), so a receiver's no-limit is judged by its builder.
import { calleePath, type EsNode, isNode, unwrap } from "./ast.ts";

/**
 * The callee a call or `new` is, or the one both branches of a choice call alike (`args.https ?
 * https.createServer(options, app) : http.createServer(app)`: a server either way, so the first branch's callee).
 */
export function builderOf(node: EsNode): string | undefined {
  if (node.type === "CallExpression" || node.type === "NewExpression") return calleePath(node.callee as EsNode);
  if (node.type !== "ConditionalExpression") return undefined;
  const [yes, no] = [node.consequent, node.alternate].map((branch) => (isNode(branch) ? unwrap(branch) : undefined));
  const first = yes && (yes.type === "CallExpression" || yes.type === "NewExpression") ? builderOf(yes) : undefined;
  const second = no && (no.type === "CallExpression" || no.type === "NewExpression") ? builderOf(no) : undefined;
  const last = (path: string) => path.slice(path.lastIndexOf(".") + 1);
  return first !== undefined && second !== undefined && last(first) === last(second) ? first : undefined;
}
