// A defaults table's `timeout: undefined` (or `void 0`, `null`) that an object keeps for the waits it makes later:
// its "no limit" when the same file arms the timer or the abort signal only when the setting is set
// (`const signal = timeout ? AbortSignal.timeout(timeout) : undefined`) and gives the setting no fallback anywhere
// (`timeout ?? 30000`, `{ timeout = 30000 } = options`, `if (timeout == null) timeout = ...`): then an unset setting
// waits without limit, like a table's `timeout: 0` (eval README "A wait's own "no limit" default").
import { type EsNode, isNode, isNullish, propertyName, referenceName, span, unwrap } from "./ast.ts";
import { innermostFunction } from "./function-spans.ts";
import type { SiteJudge } from "./sites.ts";

/** Class fields as compilers write them (`__publicField(this, "options", { timeout: void 0 })`): the object keeps it. */
export const FIELD_HELPERS =
  /^(__publicField|__defNormalProp|_?_?defineProperty|_define_property|Object\.defineProperty)$/;

/** Compared with a missing value: `==`, `===`, `!=`, `!==`. */
const EQUALITY = /^[!=]==?$/;

/**
 * Collected during the one walk: the names the file gives a fallback for a missing value (the left of `??` or `||`,
 * a parameter's or a destructuring's default, a name compared with `null`/`undefined`). An unset one of those takes
 * the fallback, which may be a bound.
 */
export class NullishFallbacks {
  /** Each name's fallbacks, by where they are written. */
  private readonly names = new Map<string, number[]>();
  /** The bodies of a bundle's modules (`__commonJS({ "node_modules/x/index.js"(exports, module) { ... } })`). */
  private readonly modules: [number, number][] = [];
  /** Properties of objects that spread another in (`{ timeout: null, ...opts }`): per-call options, the caller's. */
  private readonly merged = new Set<EsNode>();

  node(node: EsNode): void {
    if (node.type === "Property" && isNode(node.value) && bundledModule(node)) this.modules.push(span(node.value));
    if (node.type === "ObjectExpression") {
      const properties = node.properties as EsNode[];
      if (properties.some((property) => property.type === "SpreadElement"))
        for (const property of properties) this.merged.add(property);
    } else if (node.type === "LogicalExpression" && (node.operator === "??" || node.operator === "||")) {
      if (!isNullish(unwrap(node.right as EsNode))) this.add(node.left as EsNode);
    } else if (node.type === "AssignmentPattern") {
      if (!isNullish(unwrap(node.right as EsNode))) this.add(node.left as EsNode);
    } else if (node.type === "Property" && isNode(node.value) && node.value.type === "AssignmentPattern") {
      // `{ timeout: ms = 30000 } = options`: the key takes the fallback too.
      const key = propertyName(node);
      if (key !== undefined && !isNullish(unwrap(node.value.right as EsNode))) this.name(key, node);
    } else if (node.type === "BinaryExpression" && EQUALITY.test(node.operator as string)) {
      const left = unwrap(node.left as EsNode);
      const right = unwrap(node.right as EsNode);
      if (isNullish(right) || undefinedType(right)) this.add(typeOperand(left));
      else if (isNullish(left) || undefinedType(left)) this.add(typeOperand(right));
    }
  }

  /**
   * A fallback for `name` in the module of `at`: a bundle's other module (node-fetch's `init.timeout || 0` in a global
   * build) falls back for its own objects, not for this module's table.
   */
  has(name: string, at: number): boolean {
    const module = this.moduleOf(at);
    return this.names.get(name)?.some((where) => this.moduleOf(where) === module) ?? false;
  }

  /** The innermost bundled module body around `at` (-1: none). */
  private moduleOf(at: number): number {
    let found = -1;
    this.modules.forEach(([start, end], index) => {
      if (start <= at && at < end && (found < 0 || start >= this.modules[found]![0])) found = index;
    });
    return found;
  }

  /** A property of an object that spreads another in (`job.opts = { timeout: null, ...opts }`). */
  inMerge(property: EsNode): boolean {
    return this.merged.has(property);
  }

  private add(raw: EsNode): void {
    const name = referenceName(unwrap(raw));
    if (name !== undefined) this.name(name, raw);
  }

  private name(name: string, node: EsNode): void {
    const list = this.names.get(name) ?? [];
    list.push(span(node)[0]);
    this.names.set(name, list);
  }
}

/** A bundle's module: a function under a module path's key (`"node_modules/node-fetch/lib/index.mjs"() { ... }`). */
function bundledModule(property: EsNode): boolean {
  const value = unwrap(property.value as EsNode);
  if (value.type !== "FunctionExpression" && value.type !== "ArrowFunctionExpression") return false;
  const key = property.computed ? undefined : propertyName(property);
  return key !== undefined && /\/[^/]*\.[cm]?[jt]sx?$/.test(key);
}

/** `"undefined"` (the other side of `typeof t === "undefined"`). */
function undefinedType(node: EsNode): boolean {
  return node.type === "Literal" && node.value === "undefined";
}

/** `typeof t` → `t`. */
function typeOperand(node: EsNode): EsNode {
  return node.type === "UnaryExpression" && node.operator === "typeof" ? unwrap(node.argument as EsNode) : node;
}

/**
 * `timeout: void 0` in an object the code keeps (a class field, a defaults table), under a timeout's key the file
 * arms a wait with only when it is set and never falls back from: reported as the object's "no limit".
 */
export function reportNullishDefault(judge: SiteJudge, property: EsNode, name: string): void {
  const value = unwrap(property.value as EsNode);
  if (!isNullish(value) || property.computed || property.shorthand) return;
  const { facts } = judge;
  // `request(url, { timeout: undefined })`: the callee's own default applies; a class field's helper keeps it.
  const receiver = facts.receivers.receiverAt(span(value)[0]);
  if (receiver && !FIELD_HELPERS.test(receiver.callee ?? "")) return;
  if (
    facts.nullishFallbacks.has(name, span(value)[0]) ||
    facts.nullishFallbacks.inMerge(property) ||
    facts.timers.testing()
  )
    return;
  // Kept: a module's or a class's table, or one a constructor builds (`enqueue(fn, opts)`'s own default is its caller's).
  const [at] = span(value);
  if (innermostFunction(facts.functionSpans, at) && !facts.zero.constructors.inConstructor(at)) return;
  // By the code, not by a comment: `timeoutSeconds: undefined, // No timeout by default` that nothing reads bounds nothing.
  if (!facts.waitFlow(judge.apis).flowsByCode(name)) return;
  judge.add("unbounded", value, facts.text(value), `in "${name}"`, false);
}
