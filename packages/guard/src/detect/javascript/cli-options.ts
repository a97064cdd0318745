// A CLI option's default for a timeout flag: the tool's documented default timeout (real).
import { type EsNode, memberName, propertyName, unwrap } from "./ast.ts";
import type { CallJudge } from "./calls.ts";
import { kindOf, numericString } from "./values.ts";

/**
 * commander's `.option("-t, --timeout <ms>", "...", 30000)`, yargs' `.option("timeout", { default: 60000 })`,
 * `new Option("--timeout <ms>").default(15000)`: reports the default and says whether the call was one.
 */
export function judgeCliOption(judge: CallJudge, node: EsNode): boolean {
  const callee = unwrap(node.callee as EsNode);
  if (callee.type !== "MemberExpression") return false;
  const method = memberName(callee);
  const args = node.arguments as EsNode[];
  if (method === "default" && args[0]) {
    // `new Option("--timeout <ms>", "...").default(15000)`, also after other chained calls.
    let current = unwrap(callee.object as EsNode);
    while (current.type === "CallExpression" && unwrap(current.callee as EsNode).type === "MemberExpression")
      current = unwrap(unwrap(current.callee as EsNode).object as EsNode);
    const flag = current.type === "NewExpression" ? cliFlag((current.arguments as EsNode[])[0]) : undefined;
    if (!judge.facts.isTimeout(flag)) return false;
    reportDefault(judge, args[0], flag);
    return true;
  }
  if (!/^(option|requiredOption|positional)$/.test(method ?? "")) return false;
  const flag = cliFlag(args[0]);
  if (!judge.facts.isTimeout(flag)) return false;
  const second = args[1] && unwrap(args[1]);
  if (second?.type === "ObjectExpression") {
    // yargs: the `default` of the option's description object.
    for (const property of second.properties as EsNode[])
      if (property.type === "Property" && propertyName(property) === "default")
        reportDefault(judge, property.value as EsNode, flag);
  } else if (args.length >= 3) reportDefault(judge, args.at(-1)!, flag);
  return true;
}

function reportDefault(judge: CallJudge, value: EsNode, flag: string): void {
  const node = unwrap(value);
  const where = `as the default of the "${flag}" option`;
  const text = numericString(node);
  if (text !== undefined) judge.add(kindOf(text), node, judge.facts.text(node), where, false);
  else if (judge.constants.evaluate(node) !== undefined) judge.report(node, where);
}

/** `"-t, --connect-timeout <ms>"` -> `connectTimeout`; a bare yargs key (`"request-timeout"`) too. */
function cliFlag(node: EsNode | undefined): string | undefined {
  const value = node && unwrap(node);
  if (value?.type !== "Literal" || typeof value.value !== "string") return undefined;
  const long =
    /--([A-Za-z][\w-]*)/.exec(value.value)?.[1] ?? (/^[A-Za-z][\w-]*$/.test(value.value) ? value.value : undefined);
  return long?.replace(/-([a-z0-9])/gi, (_, c: string) => c.toUpperCase());
}
