// How the body of a function uses one of its parameter defaults (`own-waits.ts`): handed to calls (which may wait), kept
// (stored, returned, put in an object or array, handed to `new` or to an unknown callee), added to a clock read (a
// deadline), and whether the function returns a promise. A key's default of an options object (`options = { timeout:
// 0 }`) is read as `options.timeout`, and the options may be handed on whole to a call or spread into one's options; an
// error that reports the value (`new TimeoutError(name, options)`) keeps nothing.
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, memberName, propertyName, span, unwrap } from "./ast.ts";
import { walk, type VisitorKeys } from "./walk.ts";
import { isParam } from "./written-defaults.ts";

/**
 * One parameter default: its name, the default's span, its function's body, whether the function is async, and the
 * statement that writes it when it is written in the body (`if (timeout == null) timeout = 0`).
 */
export type Default = {
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
export type Use = {
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

/** `new Promise(...)`. */
export function isPromise(node: EsNode): boolean {
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
export function usesOf(found: Default, visitorKeys: VisitorKeys | undefined): Use {
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
