// `(_a2 = this.Logger) == null ? void 0 : _a2.warn(...)`: TypeScript's and esbuild's optional call compiled for older
// targets. Walking a function in document order, the temporary stands for what it was last assigned, so the call is
// judged as `this.Logger.warn(...)`, as the source's `this.Logger?.warn(...)` is.
import { calleePath, type EsNode } from "./ast.ts";

/** What the identifiers assigned so far in a walk stand for, to read callees through them. */
export class Temporaries {
  private readonly values = new Map<string, string>();

  /** Notes `name = <path>` (an assignment of a name or member chain to an identifier); ignores any other node. */
  note(node: EsNode): void {
    if (node.type !== "AssignmentExpression" || node.operator !== "=") return;
    const left = node.left as EsNode;
    const value = left.type === "Identifier" ? calleePath(node.right as EsNode) : undefined;
    if (value) this.values.set(left.name as string, value);
  }

  /** The callee's path with a leading temporary replaced by what it was assigned (`_a2.warn` -> `this.Logger.warn`). */
  callee(call: EsNode): string {
    const written = calleePath(call.callee as EsNode) ?? "";
    const dot = written.indexOf(".");
    const head = dot < 0 ? written : written.slice(0, dot);
    const value = this.values.get(head);
    return value === undefined ? written : `${value}${written.slice(head.length)}`;
  }
}
