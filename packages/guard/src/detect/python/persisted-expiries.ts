// An expiry a program keeps as data: the clock plus a duration saved in a database model's field
// (`self.expiration = timezone.now() + timedelta(minutes=CAPTCHA_TIMEOUT)` where the model declares `expiration =
// models.DateTimeField(...)`) or compared with stored timestamps in a query (`objects.filter(expiration__gt=now +
// timedelta(minutes=m))`). The duration is how long a record stays valid; nothing waits for it to pass.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { everyLocalRead } from "./local-reads.ts";

/** Keywords of the `timedelta` constructor. */
const TIMEDELTA_UNITS = /^(weeks|days|hours|minutes|seconds|milliseconds|microseconds)$/;
/** A query lookup that orders a stored field against a value (Django's `field__gt=`, `__lte=`). */
const ORDER_LOOKUP = /\w__(gt|gte|lt|lte)$/;
/** A model field declaration in a class body (`models.DateTimeField(...)`, `Column(DateTime)`). */
const FIELD_DECLARATION = /^([\w.]*\.)?(\w*Field|Column)$/;

/** `timedelta(minutes=x)`, `datetime.timedelta(x)`: the call whose only argument is `node` (the same duration). */
export function timedeltaOf(facts: PyFacts, node: TsNode): TsNode | undefined {
  const keyword = node.parent?.type === "keyword_argument" ? node.parent : undefined;
  if (
    keyword &&
    (keyword.childForFieldName("value")?.id !== node.id ||
      !TIMEDELTA_UNITS.test(keyword.childForFieldName("name")?.text ?? ""))
  )
    return undefined;
  const list = (keyword ?? node).parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  if (call?.type !== "call" || list!.namedChildCount !== 1) return undefined;
  return /(^|\.)timedelta$/.test(facts.resolve(call.childForFieldName("function")?.text ?? "")) ? call : undefined;
}

/** `sum` (the clock plus a duration) is saved in a model's field or ordered against stored fields in a query. */
export function persistedExpiry(sum: TsNode): boolean {
  if (orderLookup(sum)) return true;
  const parent = sum.parent;
  if (parent?.type !== "assignment" || parent.childForFieldName("right")?.id !== sum.id) return false;
  const left = parent.childForFieldName("left");
  if (left?.type === "attribute" && left.childForFieldName("object")?.text === "self")
    return declaredField(parent, left.childForFieldName("attribute")?.text ?? "");
  // `minimum_expiration = now + delta` then only `filter(expiration__gt=minimum_expiration)`.
  return everyLocalRead(sum, orderLookup);
}

// The value of a query's ordering lookup: `filter(expiration__gt=value)`.
function orderLookup(value: TsNode): boolean {
  const keyword = value.parent;
  return (
    keyword?.type === "keyword_argument" &&
    keyword.childForFieldName("value")?.id === value.id &&
    ORDER_LOOKUP.test(keyword.childForFieldName("name")?.text ?? "") &&
    keyword.parent?.parent?.type === "call"
  );
}

// The class around `node` declares `name` in its body as a model field (`expiration = models.DateTimeField(...)`).
function declaredField(node: TsNode, name: string): boolean {
  let cls: TsNode | null = node.parent;
  while (cls && cls.type !== "class_definition") cls = cls.parent;
  for (const statement of cls?.childForFieldName("body")?.namedChildren ?? []) {
    const assignment = statement?.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== name) continue;
    const value = assignment.childForFieldName("right");
    if (value?.type === "call" && FIELD_DECLARATION.test(value.childForFieldName("function")?.text ?? "")) return true;
  }
  return false;
}
