// A constant read only as the fallback of a field whose timer is a schedule: databuddy's `DEFAULT_BATCH_TIMEOUT = 2e3`
// in `this.batchTimeout = Math.max(1, Math.floor(config.batchTimeout ?? DEFAULT_BATCH_TIMEOUT))`, where `batchTimeout`
// is only the delay of a timer that flushes a batch (`no-wait-calls.ts` `renews`). The constant is what the field holds
// by default, so it is what the field is: a delay, not a deadline. Judged once the walk knows every timer (the field's
// verdict may come from a later line); only fields are recorded (`collect-definitions.ts`): a local `timeout` shares
// its name with every other function's.
import { calleePath, type EsNode, unwrap } from "./ast.ts";

/** Calls that keep a number's meaning (a floor, a rounding, a conversion). */
const KEEPS_MEANING = /^(Math\.(max|min|floor|ceil|round|trunc)|Number|parseInt|parseFloat)$/;

export class StoredFallbacks {
  /** Per constant name, the destination names it is the fallback of, one per read. */
  private readonly into = new Map<string, string[]>();

  /** `destination = <value>`: records each name `value` falls back to (through `??`/`||` and number-keeping calls). */
  stored(value: EsNode, destination: string): void {
    for (const name of fallbackNames(unwrap(value), 0)) {
      const list = this.into.get(name);
      if (list) list.push(destination);
      else this.into.set(name, [destination]);
    }
  }

  /**
   * Whether every use of `name` in `source` but its one declaration is such a fallback into a field `isSchedule` accepts
   * (uses counted in the text, a comment's mention included: a mention elsewhere keeps it reported).
   */
  onlyInto(name: string, source: string, isSchedule: (field: string) => boolean): boolean {
    const destinations = this.into.get(name);
    if (!destinations?.every(isSchedule)) return false;
    const escaped = name.replace(/\$/g, "\\$");
    const uses = source.match(new RegExp(`(?<![\\w$.])${escaped}(?![\\w$])`, "g"))?.length ?? 0;
    return uses === destinations.length + 1;
  }
}

function fallbackNames(node: EsNode, depth: number): string[] {
  if (depth > 4) return [];
  if (node.type === "LogicalExpression" && (node.operator === "??" || node.operator === "||")) {
    const right = unwrap(node.right as EsNode);
    return right.type === "Identifier" ? [right.name as string] : [];
  }
  if (node.type === "CallExpression" && KEEPS_MEANING.test(calleePath(node.callee as EsNode) ?? ""))
    return (node.arguments as EsNode[]).flatMap((arg) => fallbackNames(unwrap(arg), depth + 1));
  return [];
}
