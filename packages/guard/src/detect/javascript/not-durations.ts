// Values named like timeouts that are not durations: resets, re-spelled "no limit", backoff bases (code tables: code-tables.ts).
import { calleePath, type EsNode, referenceName, span, unwrap } from "./ast.ts";
import { readBackSubject } from "./duration-builders.ts";
import { branchAssignments, compact, declaredFloor, floorAssignments, literalReader } from "./floors.ts";

/** 0 or a negative number: what a field is reset to, or a sentinel, not a duration. */
export function isResetValue(node: EsNode): boolean {
  const value = unwrap(node);
  if (value.type === "Literal") return value.value === 0;
  return value.type === "UnaryExpression" && value.operator === "-";
}

/**
 * `request.timeout = request.timeout > 0 ? { total: request.timeout } : false`: the `false` is taken only when the
 * field already held no positive timeout, so it keeps the earlier "none" (chosen where the field was set), it
 * chooses none. The assignment, if it is that shape.
 */
export function keepsOwnNoLimit(node: EsNode, source: string): boolean {
  const right = unwrap(node.right as EsNode);
  if (node.operator !== "=" || right.type !== "ConditionalExpression") return false;
  const alternate = unwrap(right.alternate as EsNode);
  if (alternate.type !== "Literal" || (alternate.value !== false && alternate.value !== 0)) return false;
  const [leftStart, leftEnd] = span(node.left as EsNode);
  const target = source.slice(leftStart, leftEnd).replace(/\s+/g, "");
  const [testStart, testEnd] = span(right.test as EsNode);
  const test = source.slice(testStart, testEnd).replace(/\s+/g, "");
  const [thenStart, thenEnd] = span(right.consequent as EsNode);
  const positive = test.split("&&").some((part) => part === `${target}>0` || part === `0<${target}`);
  return positive && source.slice(thenStart, thenEnd).replace(/\s+/g, "").includes(target);
}

/** A value that holds a point in time (`Date.now() + timeout`), not a duration. */
export const POINT_IN_TIME = /\b(Date\.now|performance\.now|process\.hrtime)\s*\(|\bnew Date\b|\.getTime\s*\(/;

/**
 * `if (t === Infinity || t < 0) t = 0`: the assignment re-spells the caller's own "no limit" for a
 * driver that writes it as 0. The assignment, if the `if` is that shape.
 */
export function infinityRespelling(node: EsNode, source: string): EsNode | undefined {
  let consequent = node.consequent as EsNode;
  if (consequent.type === "BlockStatement" && (consequent.body as EsNode[]).length === 1)
    consequent = (consequent.body as EsNode[])[0]!;
  if (consequent.type !== "ExpressionStatement") return undefined;
  const assignment = unwrap(consequent.expression as EsNode);
  if (assignment.type !== "AssignmentExpression" || !isResetValue(assignment.right as EsNode)) return undefined;
  const [testStart, testEnd] = span(node.test as EsNode);
  const test = source.slice(testStart, testEnd);
  const [leftStart, leftEnd] = span(assignment.left as EsNode);
  // `t === Infinity`, `t < 0`: the caller's own "no limit" (or its negative sentinel) re-spelled as the driver's 0.
  const respells = /\bInfinity\b|<\s*0(?![.\d])/.test(test);
  return respells && test.includes(source.slice(leftStart, leftEnd)) ? assignment : undefined;
}

/**
 * Constants that only validate a configured timeout (`MINIMUM_EXECUTABLE_TIMEOUT_MILLIS = 5 * 1000`, compared
 * with `this.timeoutMillis` and named in the error message): bounds of what a caller may configure, not a
 * duration anything waits for. Counts, per timeout-looking name, every use and the uses of those two kinds.
 */
export class ValidationBounds {
  /** Per name, its uses as a bound or in a message (most files have none). */
  private readonly bounds = new Map<string, number>();
  /**
   * `config.presenceTimeout = PRESENCE_TIMEOUT_MAXIMUM` under the `if` that compared them, and `t = 1` under
   * `if (t < 1)`: the clamps (see `clamp`).
   */
  readonly clamps = new Set<EsNode>();

  /**
   * `this.timeoutMillis < MINIMUM_...`: a comparison with a configured timeout (not a clock reading: `Date.now() -
   * start > LIMIT` bounds a polling loop); `"between " + MIN + ...`, `${MAX}` in a message.
   */
  binary(node: EsNode, isTimeout: (name: string | undefined) => boolean): void {
    const operator = node.operator as string;
    const left = unwrap(node.left as EsNode);
    const right = unwrap(node.right as EsNode);
    if (/^[<>]=?$/.test(operator)) {
      if (left.type === "Identifier" && isConfigured(right, isTimeout)) this.bound(left);
      if (right.type === "Identifier" && isConfigured(left, isTimeout)) this.bound(right);
    } else if (operator === "+") {
      const text = (side: EsNode) => side.type === "Literal" && typeof side.value === "string";
      if (left.type === "Identifier" && text(right)) this.bound(left);
      if (right.type === "Identifier" && text(left)) this.bound(right);
    }
  }

  /**
   * `if (config.presenceTimeout > PRESENCE_TIMEOUT_MAXIMUM) { config.presenceTimeout = PRESENCE_TIMEOUT_MAXIMUM; ... }`
   * (pubnub): a configured value cut down to the bound it was just compared with; the bound is not a duration chosen.
   * `if (t < 1) t = 1`: a configured value raised to a floor (`floors.ts`).
   */
  clamp(node: EsNode, source: string): void {
    const test = unwrap(node.test as EsNode);
    if (test.type !== "BinaryExpression" || !/^[<>]=?$/.test(test.operator as string)) return;
    const reader = literalReader(source);
    const [left, right] = [unwrap(test.left as EsNode), unwrap(test.right as EsNode)];
    for (const { assignment, target } of branchAssignments(reader, node.consequent as EsNode)) {
      const value = unwrap(assignment.right as EsNode);
      if (value.type !== "Identifier") continue;
      const [bound, other] = left.type === "Identifier" && left.name === value.name ? [left, right] : [right, left];
      if (bound.type !== "Identifier" || bound.name !== value.name || compact(reader, other) !== target) continue;
      this.bound(value);
      this.clamps.add(assignment);
    }
    for (const assignment of floorAssignments(reader, node)) this.clamps.add(assignment);
  }

  /**
   * `const timeout = Math.max(args.timeout ?? 5, 1)`: each declaration (its start) of a name some local is floored
   * at a number (`floors.ts`), in document order; a later declaration or parameter of the name that is not floored
   * shadows it.
   */
  private readonly floors = new Map<string, { at: number; floor: number | undefined }[]>();

  /** A local's declaration: records the number it is floored at, if it is `Math.max` of one. */
  floorDefinition(declarator: EsNode, source: string): void {
    const floor = declaredFloor(literalReader(source), declarator.init as EsNode | undefined);
    this.floorDeclaration((declarator.id as EsNode).name as string, span(declarator)[0], floor);
  }

  /** A function's parameters: each shadows a floored local of its name in the function's body. */
  floorParameters(fn: EsNode): void {
    for (const raw of fn.params as EsNode[]) {
      const param = raw.type === "AssignmentPattern" ? (raw.left as EsNode) : raw;
      // Placed just inside the function (`functionAt` of it is the function itself, an arrow's bare parameter too).
      if (param.type === "Identifier") this.floorDeclaration(param.name as string, span(fn)[0] + 1, undefined);
    }
  }

  private floorDeclaration(name: string, at: number, floor: number | undefined): void {
    const declarations = this.floors.get(name);
    if (declarations) declarations.push({ at, floor });
    else if (floor !== undefined) this.floors.set(name, [{ at, floor }]);
  }

  /**
   * The floor of `name` read at `at`: of its declarations before `at` whose function (`functionAt`) holds `at`, the
   * innermost. The same name floored in another function is another local.
   */
  floorAt(name: string, at: number, functionAt: (at: number) => [number, number]): number | undefined {
    let floor: number | undefined;
    let innermost = -1;
    for (const declaration of this.floors.get(name) ?? []) {
      if (declaration.at > at) continue;
      const [from, to] = functionAt(declaration.at);
      if (from <= at && at < to && from >= innermost) [floor, innermost] = [declaration.floor, from];
    }
    return floor;
  }

  /** `console.warn("... Using maximum value: ", PRESENCE_TIMEOUT_MAXIMUM)`: a bound named in a log message. */
  logged(node: EsNode): void {
    if (!LOG_CALL.test(calleePath(node.callee as EsNode) ?? "")) return;
    for (const arg of node.arguments as EsNode[]) if (unwrap(arg).type === "Identifier") this.bound(unwrap(arg));
  }

  /**
   * `ensure("Timeout", timeout, isGreaterThanOrEqualTo(Wait.minimumTimeout.inMilliseconds()))`: a bound handed to an
   * ordering predicate (a validation library's or an assertion's), read as is or back in milliseconds.
   */
  ordered(node: EsNode): void {
    const path = calleePath(node.callee as EsNode) ?? "";
    if (!ORDERING.test(path.slice(path.lastIndexOf(".") + 1))) return;
    for (const arg of node.arguments as EsNode[]) {
      const name = referenceName(readBackSubject(unwrap(arg)));
      if (name !== undefined) this.boundName(name);
    }
  }

  /** `${MAXIMUM_EXECUTABLE_TIMEOUT_MILLIS}` in a template. */
  template(node: EsNode): void {
    for (const expression of node.expressions as EsNode[]) if (expression.type === "Identifier") this.bound(expression);
  }

  /**
   * A constant declared once whose every other use compares it with a configured timeout or names it in a message.
   * Its uses are counted in the text (only for the rare names with a bound use), a mention in a comment included.
   */
  onlyBounds(name: string, bindings: number | undefined, source: string): boolean {
    const bound = this.bounds.get(name) ?? 0;
    if (bindings !== 1 || bound === 0) return false;
    const escaped = name.replace(/\$/g, "\\$");
    const uses = source.match(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, "g"))?.length ?? 0;
    return uses === bound + 1;
  }

  private bound(node: EsNode): void {
    this.boundName(node.name as string);
  }

  private boundName(name: string): void {
    if (BOUND_NAME.test(name)) this.bounds.set(name, (this.bounds.get(name) ?? 0) + 1);
  }
}

const BOUND_NAME = /timeout|deadline/i;

/** Predicates that order a value against a bound: `isGreaterThanOrEqualTo(min)`, `isAtMost(max)`, `greaterThan(min)`. */
const ORDERING =
  /^(is|to(Be)?)?(GreaterThan|LessThan|AtLeast|AtMost|greaterThan|lessThan|atLeast|atMost)(OrEqual(To)?)?$/;

/** A call that writes a log line: `console.warn(...)`, `logger.error(...)`, `this.log.info(...)`. */
const LOG_CALL = /(^|\.)(console|logger|log)\.(log|warn|error|info|debug)$/;

/** A configured timeout: `this.timeoutMillis`, `options.timeout`, `timeoutMs` (a reference, not a computation). */
function isConfigured(node: EsNode, isTimeout: (name: string | undefined) => boolean): boolean {
  if (node.type !== "Identifier" && node.type !== "MemberExpression") return false;
  return isTimeout(referenceName(node)) || /timeout/i.test(referenceName(node) ?? "");
}

/**
 * `Date.now() + this.resurrectTimeout * Math.pow(2, failures)`: the time of the next attempt, a base delay grown
 * exponentially per failure (a retry backoff, not a wait's bound). The name of the base, if the sum is that shape.
 */
export function backoffBase(node: EsNode): string | undefined {
  if (node.operator !== "+") return undefined;
  for (const [clock, other] of [
    [node.left, node.right],
    [node.right, node.left],
  ] as [EsNode, EsNode][]) {
    const product = unwrap(other);
    if (
      !POINT_IN_TIME.test(sourceless(unwrap(clock))) ||
      product.type !== "BinaryExpression" ||
      product.operator !== "*"
    )
      continue;
    for (const [base, factor] of [
      [product.left, product.right],
      [product.right, product.left],
    ] as [EsNode, EsNode][]) {
      if (isExponential(unwrap(factor))) return referenceName(unwrap(base));
    }
  }
  return undefined;
}

/** `Math.pow(2, n)`, `2 ** n`. */
function isExponential(node: EsNode): boolean {
  if (node.type === "BinaryExpression") return node.operator === "**";
  if (node.type !== "CallExpression") return false;
  const callee = unwrap(node.callee as EsNode);
  return (
    callee.type === "MemberExpression" &&
    referenceName(unwrap(callee.object as EsNode)) === "Math" &&
    referenceName(callee) === "pow"
  );
}

/** The callee of a clock call as text (`Date.now(`), enough for POINT_IN_TIME. */
function sourceless(node: EsNode): string {
  if (node.type !== "CallExpression") return "";
  const callee = unwrap(node.callee as EsNode);
  if (callee.type !== "MemberExpression") return "";
  return `${referenceName(unwrap(callee.object as EsNode)) ?? ""}.${referenceName(callee) ?? ""}(`;
}
