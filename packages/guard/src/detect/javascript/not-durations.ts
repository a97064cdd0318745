// Values named like timeouts that are not durations: code tables, resets, re-spelled "no limit".
import { isTimeoutName } from "../../names.ts";
import { isCodeList } from "../code-list.ts";
import { type EsNode, isNode, propertyName, referenceName, span, unwrap } from "./ast.ts";

/** 0 or a negative number: what a field is reset to, or a sentinel, not a duration. */
export function isResetValue(node: EsNode): boolean {
  const value = unwrap(node);
  if (value.type === "Literal") return value.value === 0;
  return value.type === "UnaryExpression" && value.operator === "-";
}

/**
 * A table of codes or flags (`{ RequestTimeout: 408, GatewayTimeout: 504, ... }`, `{ ERROR_TIMEOUT: -3 }`):
 * four or more entries (three numbered in order), every value a distinct integer literal, few names that are timeouts.
 */
export function isCodeTable(properties: readonly EsNode[], extra: ReadonlySet<string>): boolean {
  if (properties.length < 3 || properties.some((p) => p.type !== "Property")) return false;
  const entries = properties.map((p) => [propertyName(p), integerOf(p.value as EsNode)] as const);
  // `{ acquireTimeout: 20000, connectionTimeout: 10000, frameMax: 8192, heartbeat: 60 }`: a client's option
  // defaults (camelCase settings, a timeout among them written as whole half-seconds, in decimal), not codes
  // (`RequestTimeout: 408`, cassandra's `writeTimeout: 0x1100`).
  const durationAt = (i: number) => {
    const [name, n] = entries[i]!;
    const raw = String(unwrap(properties[i]!.value as EsNode).raw ?? "");
    return isTimeoutName(name!, extra) && n !== undefined && n >= 1000 && n % 500 === 0 && /^\d[\d_]*$/.test(raw);
  };
  const settings =
    entries.every(([name]) => name !== undefined && /^[a-z][a-zA-Z0-9]*$/.test(name)) &&
    entries.some((_, i) => durationAt(i));
  return !settings && isCodeList(entries, extra);
}

export function integerOf(node: EsNode): number | undefined {
  const value = unwrap(node);
  const number =
    value.type === "Literal"
      ? value.value
      : value.type === "UnaryExpression" && value.operator === "-" && (value.argument as EsNode).type === "Literal"
        ? -((value.argument as EsNode).value as number)
        : undefined;
  return typeof number === "number" && Number.isInteger(number) ? number : undefined;
}

/**
 * Runs of four or more sibling statements binding one name each to an integer in ascending order
 * (`exports.ER_LOCK_WAIT_TIMEOUT = 1205;`, `const E_TIMEOUT = 3;`), judged like a code table: the
 * sites (assignments, declarators) of those that are. Codes are numbered in order; a settings block
 * (`TIMEOUT = 30; RETRIES = 3`) is not.
 */
export function statementCodeTables(body: readonly EsNode[], extra: ReadonlySet<string>): EsNode[] {
  const out: EsNode[] = [];
  let run: { site: EsNode; name: string | undefined; value: number | undefined }[] = [];
  const flush = () => {
    if (
      isCodeList(
        run.map((e) => [e.name, e.value]),
        extra,
        true,
      )
    )
      out.push(...run.map((e) => e.site));
    run = [];
  };
  for (const statement of body) {
    const entry = codeStatement(statement);
    // A value below the last one starts a new run: codes are numbered in order. So does a jump of two orders
    // of magnitude (`API.CLOSED = 3; API.CLOSE_TIMEOUT = 30000`): a setting after the codes, not the next code.
    const last = run.at(-1)?.value;
    if (!entry || (last !== undefined && (entry.value < last || entry.value > 100 * (Math.abs(last) + 1)))) flush();
    if (entry) run.push(entry);
  }
  flush();
  return out;
}

export function codeStatement(exported: EsNode): { site: EsNode; name: string | undefined; value: number } | undefined {
  // `export const ZMQ_CONNECT_TIMEOUT = 79` among the other option ids: the declaration it exports.
  const statement =
    exported.type === "ExportNamedDeclaration" && isNode(exported.declaration) ? exported.declaration : exported;
  let site: EsNode | undefined;
  let name: string | undefined;
  let init: EsNode | undefined;
  if (statement.type === "ExpressionStatement") {
    const expression = unwrap(statement.expression as EsNode);
    if (expression.type !== "AssignmentExpression" || expression.operator !== "=") return undefined;
    const left = expression.left as EsNode;
    name = referenceName(left);
    site = expression;
    init = expression.right as EsNode;
  } else if (statement.type === "VariableDeclaration" && (statement.declarations as EsNode[]).length === 1) {
    const declarator = (statement.declarations as EsNode[])[0]!;
    if ((declarator.id as EsNode).type !== "Identifier" || !isNode(declarator.init)) return undefined;
    name = (declarator.id as EsNode).name as string;
    site = declarator;
    init = declarator.init;
  }
  const value = init ? integerOf(init) : undefined;
  return site && name !== undefined && value !== undefined ? { site, name, value } : undefined;
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
    const name = node.name as string;
    if (BOUND_NAME.test(name)) this.bounds.set(name, (this.bounds.get(name) ?? 0) + 1);
  }
}

const BOUND_NAME = /timeout|deadline/i;

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
