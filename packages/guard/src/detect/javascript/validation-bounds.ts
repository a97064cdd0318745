// Constants that only bound what a caller may configure (checked against a configured timeout, named in its error),
// not durations anything waits for.
import { calleePath, type EsNode, referenceName, span, unwrap } from "./ast.ts";
import { readBackSubject } from "./duration-builders.ts";
import { branchAssignments, compact, declaredFloor, floorAssignments, literalReader } from "./floors.ts";

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
   * `if (t > Math.pow(2, 31) - 1) t = Math.pow(2, 31) - 1`: the values a tested value is cut down to when the bound is
   * written inline in both places, not named (judged by the number they fold to, `detector.ts`: only setTimeout's
   * largest delay is released; a smaller cap stays a hardcoded timeout).
   */
  readonly inlineClamps = new Set<EsNode>();

  /**
   * `this.timeoutMillis < MINIMUM_...`: a comparison with a configured timeout (not a clock reading: `Date.now() -
   * start > LIMIT` bounds a polling loop); `"between " + MIN + ...`, `${MAX}` in a message.
   */
  binary(node: EsNode, isTimeout: (name: string | undefined) => boolean): void {
    const operator = node.operator as string;
    const left = unwrap(node.left as EsNode);
    const right = unwrap(node.right as EsNode);
    if (/^[<>]=?$/.test(operator)) {
      if (this.clampTests.has(node)) return;
      // `responseTimeout >= Utilities.minimumTimeout` (zowe's compiled static field): a class's or namespace's field.
      if (isBoundReference(left) && isConfigured(right, isTimeout)) this.boundName(referenceName(left) ?? "");
      if (isBoundReference(right) && isConfigured(left, isTimeout)) this.boundName(referenceName(right) ?? "");
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
      if (value.type !== "Identifier") {
        // Cut down only: `t > bound` or `bound < t`; raising a value to the largest delay is choosing "no limit".
        const [tested, bound] = (test.operator as string).startsWith(">") ? [left, right] : [right, left];
        if (compact(reader, bound) === compact(reader, value) && compact(reader, tested) === target)
          this.inlineClamps.add(value);
        continue;
      }
      const [bound, other] = left.type === "Identifier" && left.name === value.name ? [left, right] : [right, left];
      if (bound.type !== "Identifier" || bound.name !== value.name || compact(reader, other) !== target) continue;
      this.bound(value);
      this.clamps.add(assignment);
    }
    for (const assignment of floorAssignments(reader, node)) this.clamps.add(assignment);
    // `if (supplied > MAXIMUM_TIMEOUT) { log.warn(...); return MAXIMUM_TIMEOUT; }` (diffusion's `limitTimeout`): the
    // bound handed back in place of a larger value, the clamp written with a return; the test and the return are its
    // uses as a bound (the test once: `binary` skips it).
    const [tested, bound] = (test.operator as string).startsWith(">") ? [left, right] : [right, left];
    if (bound.type !== "Identifier" || !/^(Identifier|MemberExpression)$/.test(tested.type)) return;
    const returns = returnedIn(node.consequent as EsNode).filter(
      (value) => value.type === "Identifier" && value.name === bound.name,
    );
    if (returns.length === 0) return;
    this.clampTests.add(test);
    this.bound(bound);
    for (const value of returns) this.bound(value);
  }

  /** The tests `clamp` counted as a bound's use. */
  private readonly clampTests = new Set<EsNode>();

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
   * ordering or range predicate (a validation library's or an assertion's), read as is or back in milliseconds.
   */
  ordered(node: EsNode): void {
    const path = calleePath(node.callee as EsNode) ?? "";
    const last = path.slice(path.lastIndexOf(".") + 1);
    if (!ORDERING.test(last) && !RANGE.test(last)) return;
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

/**
 * Predicates that check a value against both ends of a range: @aws-amplify/backend-function's
 * `isWholeNumberBetweenInclusive(this.props.timeoutSeconds, timeoutMin, timeoutMax)` (fresh362), lodash's `inRange`.
 * Not `randomBetween(min, max)`: a delay drawn from a range is one.
 */
const RANGE = /^(?:(?:is|check|assert|validate|ensure)[\w$]*(?:Between|InRange)(?:Inclusive|Exclusive)?|inRange)$/;

/** A call that writes a log line: `console.warn(...)`, `logger.error(...)`, `this.log.info(...)`. */
const LOG_CALL = /(^|\.)(console|logger|log)\.(log|warn|error|info|debug)$/;

/** A bound as written: a constant (`MAX`) or a class's or namespace's field (`Utilities.minimumTimeout`), not `this.x`. */
function isBoundReference(node: EsNode): boolean {
  if (node.type === "Identifier") return true;
  return node.type === "MemberExpression" && !node.computed && unwrap(node.object as EsNode).type === "Identifier";
}

/** The values an `if` branch returns directly (its own statements, not nested blocks). */
function returnedIn(branch: EsNode): EsNode[] {
  const statements = branch.type === "BlockStatement" ? (branch.body as EsNode[]) : [branch];
  return statements
    .filter((statement) => statement.type === "ReturnStatement" && statement.argument)
    .map((statement) => unwrap(statement.argument as EsNode));
}

/** A configured timeout: `this.timeoutMillis`, `options.timeout`, `timeoutMs` (a reference, not a computation). */
function isConfigured(node: EsNode, isTimeout: (name: string | undefined) => boolean): boolean {
  if (node.type !== "Identifier" && node.type !== "MemberExpression") return false;
  return isTimeout(referenceName(node)) || /timeout/i.test(referenceName(node) ?? "");
}
