// A unit constant read through a namespace of an imported module: `commons_1.TimeUtil.TimeInMillis.SECOND * 4`
// (compiled code's read of `TimeUtil.TimeInMillis.SECOND` from `@wireapp/commons`), the enum-like constant a
// package multiplies to write a duration. Known by the chain's root (an import) and a namespace that says its unit
// is the millisecond; `DurationKit.Duration.Unit.MINUTES` (a unit enum, not a count of milliseconds) and a namespace
// in another unit (`TimeInSeconds.MINUTE`, 60) are not.
import { type EsNode, memberName, unwrap } from "./ast.ts";

/** A namespace segment that says its members are milliseconds (`TimeInMillis`, `DurationMs`, `Milliseconds`). */
const IN_MILLISECONDS = /[Mm]illis|MILLIS|(^|_)(ms|MS)(_|$)|[a-z]Ms([A-Z_]|$)/;

/**
 * The root identifier of `a.b.c.NAME`'s object when the chain is at least two members deep, every member is
 * named (no computed `a[b]`), and some namespace of it says milliseconds; otherwise undefined.
 */
export function millisecondNamespaceRoot(member: EsNode): string | undefined {
  let object = unwrap(member.object as EsNode);
  let saysMilliseconds = false;
  let depth = 0;
  while (object.type === "MemberExpression") {
    const name = memberName(object);
    if (name === undefined || object.computed) return undefined;
    if (IN_MILLISECONDS.test(name)) saysMilliseconds = true;
    object = unwrap(object.object as EsNode);
    depth++;
  }
  if (object.type !== "Identifier" || depth === 0 || !saysMilliseconds) return undefined;
  return object.name as string;
}
