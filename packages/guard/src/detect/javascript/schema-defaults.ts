// A schema builder's default for an option (`Joi.number().default(5000)`, `z.number().default(5000)`): the code's
// own choice of value, applied when the caller leaves the option out.
import { type EsNode, memberName, unwrap } from "./ast.ts";

/**
 * Chained calls that describe or refine a schema without changing its default, so the default still stands when
 * one of them follows it (`z.coerce.number().optional().default(10000).describe("Timeout in ms")`).
 */
const MODIFIERS = new RegExp(
  `^(${[
    ...["describe", "description", "label", "meta", "example", "examples", "notes", "tags", "unit", "brand"],
    ...["optional", "nullable", "nullish", "required", "readonly", "catch", "strict", "allow", "valid"],
    ...["int", "integer", "positive", "nonnegative", "min", "max", "gte", "lte", "gt", "lt", "finite", "safe"],
  ].join("|")})$`,
);

/** The argument of the call's `.default(x)`, found through the modifiers chained after it; undefined otherwise. */
export function schemaDefaultOf(call: EsNode): EsNode | undefined {
  let current: EsNode = call;
  while (current.type === "CallExpression") {
    const callee = unwrap(current.callee as EsNode);
    if (callee.type !== "MemberExpression") return undefined;
    const method = memberName(callee);
    const first = (current.arguments as EsNode[])[0];
    if (method === "default") return first;
    if (!MODIFIERS.test(method ?? "")) return undefined;
    current = unwrap(callee.object as EsNode);
  }
  return undefined;
}
