// A wait's own "no limit" default (eval README, labelling rules): a function or method that IS the wait
// (`acquire(timeout = 0) { ... if (timeout) setTimeout(reject, timeout) }`, `withSession(cb, timeout = 0) { await
// this.acquire(timeout) }`) leaves the bound to its caller; its own 0 is the caller's choice, not a "no limit" the
// code keeps. Python's Redis blocking commands' own `timeout=0` is judged the same way (`python/settings.ts`).
// The evidence is the body: the parameter goes, unchanged, straight into a call that waits with it, and nowhere else
// (not stored on an object, in an object or array, returned, reassigned or handed to `new`). A constructor keeps it.
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, memberName, propertyName, span, unwrap } from "./ast.ts";
import { firesAtOnce } from "./next-tick-delays.ts";
import { walk, type VisitorKeys } from "./walk.ts";
import { declaredDefault, isParam, writtenDefault } from "./written-defaults.ts";

/**
 * One parameter default: its name, the default's span, its function's body, whether the function is async, and the
 * statement that writes it when it is written in the body (`if (timeout == null) timeout = 0`).
 */
type Default = {
  name: string;
  value: [number, number];
  body: EsNode;
  async: boolean;
  written?: EsNode;
  /** `options = { timeout: 0 }`: the default is the key's value, read as `options.timeout` (or handed on whole). */
  member?: string;
};

/**
 * How a body uses one parameter: stored or changed anywhere, the calls it is handed to (callee, position, argument
 * count), and whether the function itself returns a promise (`return new Promise(...)`), as an `async` one does.
 */
type Use = {
  kept: boolean;
  /** With the key a whole options object carries, when it is handed on (`waitFor(f, { ...options })`). */
  calls: [callee: string, position: number, count: number, key?: string][];
  promised: boolean;
  deadline: boolean;
  clocks: Set<string>;
};

/** `Date.now()`, `performance.now()`: a clock read, the start of a deadline. */
const CLOCK_CALL = /^(Date\.now|performance\.now)$/;

/** `return task.promise`, `return this.iceGatheringCompletePromise`: a promise the function made and hands back. */
const PROMISE_NAME = /promise$/i;

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

/** `new Promise(...)`. */
function isPromise(node: EsNode): boolean {
  const value = unwrap(node);
  return value.type === "NewExpression" && calleePath(value.callee as EsNode) === "Promise";
}

/** `task.promise`, `this.readyPromise`: a promise held under a name that says so. */
function isPromiseName(node: EsNode): boolean {
  const value = unwrap(node);
  const last = value.type === "MemberExpression" ? unwrap(value.property as EsNode) : value;
  return last.type === "Identifier" && !value.computed && PROMISE_NAME.test(last.name as string);
}

/**
 * `return new Promise(...)`, `return task.promise`, or the promise handed back with its cancel handle (@smithy's
 * `return { promise, cancel: () => clearTimeout(timeoutId) }`): the caller awaits or races it, so the function is
 * the wait.
 */
function returnsPromise(node: EsNode): boolean {
  if (isPromise(node) || isPromiseName(node)) return true;
  const value = unwrap(node);
  return (
    value.type === "ObjectExpression" &&
    (value.properties as EsNode[]).some(
      (property) =>
        property.type === "Property" &&
        isNode(property.value) &&
        (isPromise(property.value as EsNode) || isPromiseName(property.value as EsNode)),
    )
  );
}

/** `Date.now()`, or a local of the body that holds one (`started`). */
function isClock(node: unknown, clocks: ReadonlySet<string>): boolean {
  if (!isNode(node)) return false;
  const value = unwrap(node);
  if (value.type === "Identifier") return clocks.has(value.name as string);
  return value.type === "CallExpression" && CLOCK_CALL.test(calleePath(value.callee as EsNode) ?? "");
}

/**
 * How the body of `found` uses its parameter, walked in document order with the detector's visitor keys (the statement
 * that writes the default is skipped); a node inside a function nested in the body is `nested`.
 */
function usesOf(found: Default, visitorKeys: VisitorKeys | undefined): Use {
  const use: Use = { kept: false, calls: [], promised: found.async, deadline: false, clocks: new Set() };
  const reads = readsOf(found);
  // Objects handed to a call as an argument (seen at the call, before them): a spread of the options there hands
  // them on; anywhere else it keeps them. An error's argument object's properties are here too: they keep nothing.
  const handed = new Set<EsNode>();
  // The ends of the functions the walk is inside: a node that starts past the last one's end is out of it.
  const open: number[] = [];
  walk(found.body, visitorKeys, (node) => {
    if (use.kept || node === found.written) return false;
    const [start, end] = span(node);
    while (open.length > 0 && open.at(-1)! <= start) open.pop();
    record(node, reads, use, open.length > 0, handed);
    if (FUNCTION_TYPES.has(node.type)) open.push(end);
  });
  return use;
}

/**
 * How a default is read: `value(node)` is a read of the default itself (the parameter, or `options.timeout` for a
 * key's default), `whole(node)` the options object it sits in (`new TimeoutError(name, options)`, `{ ...options }`).
 */
type Reads = { name: string; member?: string; value: (node: unknown) => boolean; whole: (node: unknown) => boolean };

function readsOf({ name, member }: Default): Reads {
  if (member === undefined) return { name, value: (node) => isParam(node, name), whole: () => false };
  return {
    name,
    member,
    value: (node) => {
      if (!isNode(node)) return false;
      const value = unwrap(node);
      return value.type === "MemberExpression" && isParam(value.object, name) && memberName(value) === member;
    },
    whole: (node) => isParam(node, name),
  };
}

/** `new TimeoutError(name, timeout)`: an error that reports the value in its message keeps nothing. */
const ERROR_CLASS = /Error$/;

/** Records how `node` (inside the body; `nested` inside a function of it) uses the default `reads` follows. */
function record(node: EsNode, reads: Reads, use: Use, nested: boolean, handed: Set<EsNode>): void {
  const held = (value: unknown) => reads.value(value) || reads.whole(value);
  switch (node.type) {
    case "AssignmentExpression":
      // `this.timeout = timeout`, `timeout = timeout || 1000`: stored or changed.
      if (held(node.right) || held(node.left)) use.kept = true;
      break;
    case "VariableDeclarator":
      if (held(node.init)) use.kept = true; // `const t = timeout`: followed no further
      // `const started = Date.now()`: a clock read the deadline is built from.
      if (isNode(node.id) && node.id.type === "Identifier" && isClock(node.init, use.clocks))
        use.clocks.add(node.id.name as string);
      break;
    case "BinaryExpression":
      // `Date.now() + timeout`, `started + timeout`: a deadline for the function's own wait.
      if (node.operator === "+" && reads.value(node.left) !== reads.value(node.right))
        if (isClock(reads.value(node.left) ? node.right : node.left, use.clocks)) use.deadline = true;
      break;
    case "Property":
      if (!handed.has(node) && held(node.value)) use.kept = true; // `{ timeout }`: an options object someone else reads
      break;
    case "ObjectExpression":
      if (!handed.has(node) && (node.properties as EsNode[]).some((property) => spreads(property, reads)))
        use.kept = true; // `this.options = { ...options }`
      break;
    case "ArrayExpression":
      if ((node.elements as unknown[]).some(held)) use.kept = true;
      break;
    case "ReturnStatement":
      if (!nested && isNode(node.argument) && returnsPromise(node.argument)) use.promised = true;
      if (held(node.argument)) use.kept = true;
      break;
    case "ArrowFunctionExpression":
      if (held(node.body)) use.kept = true; // `() => timeout`
      break;
    case "NewExpression":
      // `new TimeoutError("wait", { timeout: options.timeout })`: the value goes into the error's message.
      if (ERROR_CLASS.test(calleePath(node.callee as EsNode) ?? "")) {
        for (const arg of node.arguments as EsNode[])
          if (arg.type === "ObjectExpression") for (const property of arg.properties as EsNode[]) handed.add(property);
        break;
      }
      if ((node.arguments as unknown[]).some(held)) use.kept = true;
      break;
    case "UpdateExpression":
      if (reads.value(node.argument)) use.kept = true;
      break;
    case "CallExpression": {
      const args = node.arguments as EsNode[];
      const callee = calleePath(node.callee as EsNode);
      for (const [position, arg] of args.entries()) {
        // `waitFor(check, { ...options })`: the key goes on inside the object handed at `position`.
        const spread =
          arg.type === "ObjectExpression" && (arg.properties as EsNode[]).some((property) => spreads(property, reads));
        if (arg.type === "ObjectExpression") {
          handed.add(arg);
          // `requestCustomApproval(prompt, validate, { timeoutMs })`: handed on under a key of the call's options.
          for (const property of arg.properties as EsNode[]) {
            const key = property.type === "Property" ? propertyName(property) : undefined;
            if (key === undefined || !reads.value(property.value)) continue;
            handed.add(property);
            if (callee === undefined) use.kept = true;
            else use.calls.push([callee, position, args.length, key]);
          }
        }
        const value = reads.value(arg);
        if (!value && !spread && !reads.whole(arg)) continue;
        if (callee === undefined) use.kept = true;
        else use.calls.push([callee, position, args.length, value ? undefined : reads.member]);
      }
      break;
    }
  }
}

/** `...options` in an object literal, for a key's default of `options`. */
function spreads(property: EsNode, reads: Reads): boolean {
  return property.type === "SpreadElement" && reads.whole(property.argument);
}
