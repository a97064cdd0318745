// `requestIdleCallback` shims (session 52, fresh217's @fluidframework/driver-web-cache): `const deadline = Date.now() +
// 50` read only by the `timeRemaining()` of the IdleDeadline object the shim hands its callback is how long that
// callback may work before it yields, the browser's 50 ms idle period. A budget for work: nothing waits for it.
import { type EsNode, propertyName, span } from "./ast.ts";
import { innermostFunction } from "./function-spans.ts";

/** The spans of the file's `timeRemaining` properties, gathered during the walk. */
export class IdleBudgets {
  private readonly spans: [number, number][] = [];

  node(node: EsNode): void {
    if (node.type === "Property" && propertyName(node) === "timeRemaining") this.spans.push(span(node));
  }

  /**
   * Whether `name`, declared at `declared`, is read only inside `timeRemaining` properties of the function that
   * declares it: every other mention of the word there (a comment, a string, a poll's check) keeps it a deadline.
   */
  onlyBudget(
    source: string,
    functionSpans: readonly [number, number][],
    name: string,
    declared: [number, number],
  ): boolean {
    if (this.spans.length === 0) return false;
    // From the declaration on: what the function says before it (a TypeScript parameter type `{ timeout?: number }`)
    // cannot read the value.
    const to = (innermostFunction(functionSpans, declared[0]) ?? [0, source.length])[1];
    const from = declared[0];
    const word = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
    let reads = 0;
    for (const match of source.slice(from, to).matchAll(word)) {
      const at = from + match.index;
      if (at >= declared[0] && at < declared[1]) continue;
      if (!this.spans.some(([start, end]) => start <= at && at < end)) return false;
      reads++;
    }
    return reads > 0;
  }
}
