// Constants whose every read is thrown away: `const FORCE_FLUSH_TIMEOUT_MILLIS = 30000` read only as
// `(FORCE_FLUSH_TIMEOUT_MILLIS, callWithTimeout)(processor.forceFlush(), timeout)` (winston-opentelemetry: a comma
// expression's value is its last element's, so the constant reaches no call), or as a statement of its own
// (`FOO_TIMEOUT;`). Nothing reads the value, so it bounds nothing. A constant read anywhere else (an argument, a
// property, an `exports.x = x`, an `export`), or never read, is judged as before. So is a constant read only as an
// argument of `super(...)` in a class that extends an error (@dbos-inc/dbos-sdk's `const StepTimeout = 31` handed as
// `super(message, StepTimeout)` by `class DBOSStepTimeoutError extends DBOSError`, fresh260): the error's code, not a
// duration. A CommonJS export read only that way is a code too, whoever imports it (the same package's
// `exports.StreamTimeout = 33` handed as `super(message, exports.StreamTimeout)`, fresh260): other modules get the code.
// A conversion a statement of its own throws away (`parseInt(process.env.X || '90000');`) reaches nothing either.
import { calleePath, type EsNode, isNode, span, unwrap } from "./ast.ts";
import { TIMEOUT_WORD } from "./timer-calls.ts";

/** One `const NAME = <number>` of the file: the declarator and where its own name is written. */
type Constant = { name: string; declarator: EsNode; at: number };
/** One `exports.NAME = <number>` of the file: the assignment and where the name is written. */
type ExportedConstant = { name: string; assignment: EsNode; at: number };

/** Collected during the one walk; `finish` hands the constants read only where their value is discarded to `notDurations`. */
export class DiscardedReads {
  private readonly constants: Constant[] = [];
  /** The file's `exports.NAME = <number>` with a timeout-like name. */
  private readonly exportedConstants: ExportedConstant[] = [];
  /** Offsets of identifiers whose value is discarded (a comma expression's element before the last, a bare statement). */
  private readonly discarded = new Set<number>();
  /** [start, end) of each class that extends an error (`extends DBOSError`, `extends Error`). */
  private readonly errorClasses: [number, number][] = [];
  /** Offsets of the names of `exports.NAME` handed to an error class's `super(...)`: an error's code. */
  private readonly codes = new Set<number>();
  /** [start, end) of each conversion call a statement of its own throws away (`parseInt(x || "90000");`). */
  readonly thrownAway: [number, number][] = [];
  /** Names declared by an `export const`: read by other modules. */
  private readonly exported = new Set<string>();

  node(node: EsNode): void {
    if ((node.type === "ClassDeclaration" || node.type === "ClassExpression") && isNode(node.superClass)) {
      if (ERROR_CLASS.test(calleePath(node.superClass as EsNode) ?? "")) this.errorClasses.push(span(node));
    } else if (node.type === "CallExpression" && (node.callee as EsNode).type === "Super") {
      const at = span(node)[0];
      if (this.errorClasses.some(([from, to]) => from <= at && at < to))
        for (const argument of node.arguments as EsNode[]) {
          this.read(argument);
          const member = unwrap(argument);
          if (exportName(member) !== undefined) this.codes.add(span(member.property as EsNode)[0]);
        }
    } else if (node.type === "AssignmentExpression" && node.operator === "=") {
      const left = node.left as EsNode;
      const name = exportName(left);
      if (name !== undefined && TIMEOUT_WORD.test(name) && numeric(node.right as EsNode))
        this.exportedConstants.push({ name, assignment: node, at: span(left.property as EsNode)[0] });
    } else if (node.type === "SequenceExpression") {
      const expressions = node.expressions as EsNode[];
      for (const element of expressions.slice(0, -1)) this.read(element);
    } else if (node.type === "ExpressionStatement") {
      this.read(node.expression as EsNode);
      // `parseInt(process.env.API_REQUEST_TIMEOUT || '90000');` (@promptbook's bundles, fresh379/fresh381): a
      // conversion whose result the statement throws away; its fallback reaches nothing.
      const expression = unwrap(node.expression as EsNode);
      if (expression.type === "CallExpression" && CONVERSION.test(calleePath(expression.callee as EsNode) ?? ""))
        this.thrownAway.push(span(expression));
    } else if (node.type === "ExportNamedDeclaration" && isNode(node.declaration)) {
      const declaration = node.declaration as EsNode;
      for (const d of (declaration.declarations as EsNode[] | undefined) ?? [])
        if ((d.id as EsNode).type === "Identifier") this.exported.add((d.id as EsNode).name as string);
    } else if (node.type === "VariableDeclaration" && node.kind === "const")
      for (const declarator of node.declarations as EsNode[]) {
        const id = declarator.id as EsNode;
        // Only names that say timeout: a minified bundle's thousands of `const e = 5` are no candidates.
        if (id.type !== "Identifier" || !TIMEOUT_WORD.test(id.name as string)) continue;
        if (isNode(declarator.init) && numeric(declarator.init as EsNode))
          this.constants.push({ name: id.name as string, declarator, at: span(id)[0] });
      }
  }

  /**
   * Adds the declarators of constants read at least once and only where the read is discarded. `uses` gives the
   * offsets of every identifier of a name (`UnreadDefaults.uses`: property keys and members count as reads).
   */
  finish(uses: (name: string) => readonly number[], notDurations: Set<EsNode>): void {
    for (const { name, declarator, at } of this.constants) {
      if (this.exported.has(name)) continue;
      const reads = uses(name).filter((offset) => offset !== at);
      if (reads.length > 0 && reads.every((offset) => this.discarded.has(offset))) notDurations.add(declarator);
    }
    for (const { name, assignment, at } of this.exportedConstants) {
      const reads = uses(name).filter((offset) => offset !== at);
      if (reads.length > 0 && reads.every((offset) => this.codes.has(offset))) notDurations.add(assignment);
    }
  }

  private read(raw: EsNode): void {
    const node = unwrap(raw);
    if (node.type === "Identifier") this.discarded.add(span(node)[0]);
  }
}

/** A call that only converts its argument (`parseInt`, `Number.parseFloat`, `Number`): no effect but its value. */
const CONVERSION = /^(Number\.)?(parseInt|parseFloat)$|^(Number|String)$/;

/** A superclass that is an error or an exception (`Error`, `DBOSError`, `errors.TimeoutException`). */
const ERROR_CLASS = /(Error|Exception)$/;

/** `NAME` of `exports.NAME` or `module.exports.NAME` (not computed). */
function exportName(node: EsNode): string | undefined {
  if (node.type !== "MemberExpression" || node.computed) return undefined;
  const path = calleePath(node);
  const match = /^(?:module\.)?exports\.([\w$]+)$/.exec(path ?? "");
  return match?.[1];
}

/** A number written out: `30000`, `30 * 1000`, `3e4`. */
function numeric(raw: EsNode): boolean {
  const node = unwrap(raw);
  if (node.type === "Literal") return typeof node.value === "number";
  return node.type === "BinaryExpression" && numeric(node.left as EsNode) && numeric(node.right as EsNode);
}
