// A wait's own "no limit" default (eval README, labelling rules): a function or method that IS the wait
// (`acquire(timeout = 0) { ... if (timeout) setTimeout(reject, timeout) }`, `withSession(cb, timeout = 0) { await
// this.acquire(timeout) }`) leaves the bound to its caller; its own 0 is the caller's choice, not a "no limit" the
// code keeps. Python's Redis blocking commands' own `timeout=0` is judged the same way (`python/settings.ts`).
// The evidence is the body (`own-wait-uses.ts`): the parameter goes, unchanged, straight into a call that waits with
// it, and nowhere else (not stored on an object, in an object or array, returned, reassigned or handed to `new`). A
// constructor keeps it.
import { type EsNode, FUNCTION_TYPES, isNode, propertyName, span, unwrap } from "./ast.ts";
import { firesAtOnce } from "./next-tick-delays.ts";
import { type Default, isPromise, type Use, usesOf } from "./own-wait-uses.ts";
import type { VisitorKeys } from "./walk.ts";
import { declaredDefault, isParam, writtenDefault } from "./written-defaults.ts";

/** `function Connection(opts)`: an ES5 constructor, named like a class. */
const CLASS_NAME = /^[A-Z]/;

/** Collected during the one walk; asked by the detector for a default the file shows reaching a wait. */
export class OwnWaitDefaults {
  private readonly defaults: Default[] = [];
  /** Constructors' function nodes (`constructor(timeout = 0)` keeps the value for the object's later waits). */
  private readonly constructors = new Set<EsNode>();
  private readonly uses = new Map<string, Use>();

  node(node: EsNode): void {
    if (node.type === "MethodDefinition" && node.kind === "constructor" && isNode(node.value))
      this.constructors.add(node.value);
    if (!FUNCTION_TYPES.has(node.type) || !isNode(node.body) || this.constructors.has(node)) return;
    const id = isNode(node.id) ? (node.id.name as string | undefined) : undefined;
    if (id !== undefined && CLASS_NAME.test(id)) return;
    const body = node.body as EsNode;
    const async = node.async === true || isPromise(body);
    for (const raw of node.params as EsNode[]) {
      // `{ timeout = 0 } = {}`: the pattern's own default is an empty object.
      const param =
        raw.type === "AssignmentPattern" && isNode(raw.left) && raw.left.type === "ObjectPattern" ? raw.left : raw;
      if (param.type === "AssignmentPattern") this.add(param, body, async);
      else if (param.type === "ObjectPattern")
        // `waitForRecovery(session, { timeout = 0 })`: a destructured option's default.
        for (const property of param.properties as EsNode[])
          if (property.type === "Property" && isNode(property.value) && property.value.type === "AssignmentPattern")
            this.add(property.value, body, async);
      // `async call(name, args, timeout) { if (timeout == null) timeout = 0; ... }`: a default written as a statement.
      // (`options = {}` too: its keys may be destructured in the body.)
      const named = param.type === "AssignmentPattern" ? unwrap(param.left as EsNode) : param;
      if (named.type === "Identifier" && body.type === "BlockStatement")
        for (const statement of leadingStatements(body)) {
          // Defaults come first: the leading `if`s and declarations only (a long body is not read once per parameter).
          if (statement.type === "VariableDeclaration") {
            // `const timeout = (_timeout == null) ? 0 : _timeout` (ethers' `wait(_confirms, _timeout)`): the default
            // is written into a local the rest of the body uses in the parameter's place.
            for (const declarator of statement.declarations as EsNode[]) {
              // `const { timeoutMs = 0, onTimeout } = options` (vat-example-cat-agents' `requestApproval`, fresh400):
              // the options destructured first, as if in the parameter list.
              if ((declarator.id as EsNode).type === "ObjectPattern" && isParam(declarator.init, named.name as string))
                for (const property of (declarator.id as EsNode).properties as EsNode[])
                  if (
                    property.type === "Property" &&
                    isNode(property.value) &&
                    property.value.type === "AssignmentPattern"
                  )
                    this.add(property.value, body, async);
              const local = declaredDefault(declarator, named.name as string);
              if (local) this.defaults.push({ ...local, body, async, written: declarator });
            }
            continue;
          }
          if (statement.type !== "IfStatement") break;
          const written = writtenDefault(statement, named.name as string);
          if (written)
            this.defaults.push({
              name: named.name as string,
              value: span(written.right as EsNode),
              body,
              async,
              written,
            });
        }
    }
  }

  private add(pattern: EsNode, body: EsNode, async: boolean): void {
    const left = unwrap(pattern.left as EsNode);
    if (left.type !== "Identifier") return;
    const right = unwrap(pattern.right as EsNode);
    const name = left.name as string;
    // `waitForNextUpdate(options = { timeout: 0 })` (@testing-library/preact-hooks, fresh398): each key's value is a
    // default of its own, read as `options.timeout`.
    if (right.type === "ObjectExpression")
      for (const property of right.properties as EsNode[]) {
        const member = property.type === "Property" && !property.computed ? propertyName(property) : undefined;
        if (member !== undefined && isNode(property.value))
          this.defaults.push({ name, member, value: span(property.value as EsNode), body, async });
      }
    else this.defaults.push({ name, value: span(pattern.right as EsNode), body, async });
  }

  /**
   * Whether the default holding `value` is the caller's choice: its function hands the parameter unchanged to a call
   * that waits with it (`waits(callee, position, count)`) and does nothing else with it that outlives the call.
   */
  /** Whether `value` is a parameter's default (`acquire(mode, timeout = -1)`): the function's caller chooses. */
  isParameterDefault(value: EsNode): boolean {
    const [at] = span(value);
    return this.defaults.some(({ value: [from, to] }) => from <= at && at < to);
  }

  callersChoice(
    value: EsNode,
    visitorKeys: VisitorKeys | undefined,
    waits: (callee: string, position: number, count: number, key?: string) => boolean,
  ): boolean {
    const [at] = span(value);
    const found = this.defaults.find(({ value: [from, to] }) => from <= at && at < to);
    if (!found) return false;
    const key = `${span(found.body)[0]}:${found.name}`;
    let use = this.uses.get(key);
    if (!use) this.uses.set(key, (use = usesOf(found, visitorKeys)));
    // A function that arms a timer and returns (@smithy's `setRequestTimeout(req, reject, timeoutInMs = 0)`) bounds
    // a wait made elsewhere: the default is its owner's, kept as reported. The wait is what the caller awaits.
    // `const deadline = Date.now() + timeout` (hypercore's waitForRecovery, arangojs' waitForPropagation): the
    // function bounds its own wait with the value, as it would handing it to a timer.
    if (use.kept || !use.promised || (use.calls.length === 0 && !use.deadline)) return false;
    return use.calls.every(([callee, position, count, key]) => waits(callee, position, count, key));
  }

  /** Whether the default holding `value` is a timer's delay its own function arms whatever its value (`next-tick-delays.ts`). */
  firesAtOnce(
    value: EsNode,
    visitorKeys: VisitorKeys | undefined,
    definitions?: ReadonlyMap<string, readonly EsNode[]>,
  ): boolean {
    const [at] = span(value);
    const found = this.defaults.find(({ value: [from, to] }) => from <= at && at < to);
    return found !== undefined && firesAtOnce(found.body, found.name, found.written, visitorKeys, definitions);
  }
}

/**
 * The statements a default may be written in: the body's, or, when the body at once returns a promise, its executor's
 * (`waitForPublications(timeout) { return new Promise((resolve, reject) => { if (timeout === undefined) timeout = -1
 * ... }) }`, rticonnextdds-connector, fresh398).
 */
function leadingStatements(body: EsNode): EsNode[] {
  const statements = body.body as EsNode[];
  const first = statements[0];
  if (first?.type !== "ReturnStatement" || !isNode(first.argument) || !isPromise(first.argument)) return statements;
  const executor = (unwrap(first.argument).arguments as EsNode[])[0];
  return executor &&
    FUNCTION_TYPES.has(executor.type) &&
    executor.body &&
    (executor.body as EsNode).type === "BlockStatement"
    ? ((executor.body as EsNode).body as EsNode[])
    : statements;
}
