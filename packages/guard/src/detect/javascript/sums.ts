// Sums built up in steps: http-bat's suite runner starts `this.calculatedTimeout = 0`, then adds each part
// (`this.calculatedTimeout += this.suite.delay`, `+= test.timeout || options.baseTimeout || 0`) (fresh368). The 0
// starts a sum or adds nothing to it; no setting is 0 there, so nothing is said to wait forever. The parts that add a
// number of their own (`this.calculatedTimeout += 100`) are judged as written.
import { type EsNode, isNode, span, unwrap } from "./ast.ts";
import { isZero } from "./zero-meaning.ts";

/**
 * Adds to `notDurations` each of `sites` that writes a 0 to a target the file also adds to with `+=` (`x = 0`, `let
 * x = 0`, a class field `x = 0`), and each `x += a || 0` whose only number is its 0 (with the sites inside it).
 */
export function markSums(sites: readonly EsNode[], source: string, notDurations: Set<EsNode>): void {
  // A file that never adds with `+=` builds no sum: one text test before the sites are looked at.
  if (!/\+=/.test(source)) return;
  const text = (node: EsNode) => source.slice(...span(node)).replace(/\s+/g, "");
  const summed = new Set<string>();
  const addends: [number, number][] = [];
  for (const site of sites) {
    if (site.type !== "AssignmentExpression" || site.operator !== "+=") continue;
    summed.add(text(site.left as EsNode));
    if (onlyZeroFallback(site.right as EsNode)) addends.push(span(site));
  }
  if (summed.size === 0) return;
  for (const site of sites) {
    const [target, value] = written(site);
    if (target && value && isZero(unwrap(value)) && (summed.has(text(target)) || summed.has(`this.${text(target)}`)))
      notDurations.add(site);
    const [from] = span(site);
    if (addends.some(([start, end]) => start <= from && from < end)) notDurations.add(site);
  }
}

/** The target and the value a site writes: `x = v`, `let x = v`, a class field `x = v`. */
function written(site: EsNode): [EsNode | undefined, EsNode | undefined] {
  if (site.type === "AssignmentExpression" && site.operator === "=") return [site.left as EsNode, site.right as EsNode];
  if (site.type === "VariableDeclarator") return [site.id as EsNode, site.init as EsNode | undefined];
  if (site.type === "PropertyDefinition" && !site.computed)
    return [site.key as EsNode, site.value as EsNode | undefined];
  return [undefined, undefined];
}

/** `a || b || 0`, `a ?? 0`: fallbacks that end in a 0 and hold no other number. */
function onlyZeroFallback(node: EsNode): boolean {
  const value = unwrap(node);
  if (value.type !== "LogicalExpression" || value.operator === "&&" || !isZero(unwrap(value.right as EsNode)))
    return false;
  return !holdsNumber(value.left as EsNode, 0);
}

/** Whether a number is written anywhere in `node` (deeper than a fallback chain goes, it is taken to be). */
function holdsNumber(node: EsNode, depth: number): boolean {
  if (depth > 12) return true;
  if (node.type === "Literal") return typeof node.value === "number";
  for (const [key, child] of Object.entries(node)) {
    if (key === "parent") continue;
    for (const item of Array.isArray(child) ? child : [child])
      if (isNode(item) && holdsNumber(item as EsNode, depth + 1)) return true;
  }
  return false;
}
