// Durations named like timeouts that are only the pause before the next attempt (session 29, guard-delay29):
// `retryTimeout: 1000` read as `await sleep(retryTimeout)` between two tries, `tryTimeout = 1000` in `await new
// Promise((resolve) => setTimeout(resolve, tryTimeout))`, `INIT_RETRY_TIMEOUT` stored as `initRetryTimeout` and read in
// `const delay = this._retry.initRetryTimeout * this._retry.backoffFactor ** count; setTimeout(() => this._open(),
// delay)`. The value is followed from what consumes it back to the names it is stored under, through locals, fields of
// object literals, fallbacks and a backoff's arithmetic. What consumes it is a sleep (an awaited promise a timer only
// resolves, an awaited one-argument `sleep`/`delay`/`wait`/`pause` or promise `setTimeout`) or a timer the file's
// timers already judge inert (`inert-timers.ts`: its callback retries, logs or goes on), or a timer whose delay grows
// exponentially and whose callback neither ends nor fails anything (`endsWhenCalled`). A name is a pause when every
// read of it in the file is such a consumer's (or a test of it): read anywhere else (a request's `timeout` option, a
// timer whose callback aborts or rejects the try) it may bound a wait, and it stays a timeout.
import { type EsNode, FUNCTION_TYPES, isNode, memberName, span, unwrap } from "./ast.ts";
import { endsWhenCalled } from "./callback-scope.ts";
import { calleeName, pathOf, sleptDelay } from "./sleeps.ts";

/** A text that may sleep or arm a timer: the walk is only worth it then. */
export const MIGHT_PAUSE = /\b(?:sleep|delay|wait|pause|setTimeout)(?:_default|\$?\d+)?\s*\)?\s*\(/i;

/** A delay that grows exponentially with the tries (`base * factor ** n`, `Math.pow(2, n)`, `2 << n`). */
const EXPONENTIAL = /\*\*|\bMath\.pow\s*\(|<</;

/**
 * Operators a pause's value goes through: a backoff's arithmetic and a fallback. Not a division: fqterm's
 * `sleep(timeout / 10)` ten times over splits a bound into poll ticks, the whole is what the wait may last.
 */
const CARRIES = new Set(["*", "**", "+", "-", "||", "??", "&&"]);
/** `Math.min(base * 2 ** n, max)`, `Math.round(...)`: still the pause. */
const MATH = /^Math\.(min|max|round|floor|ceil|pow)$/;

/** Calls that merge objects into a new one: TypeScript's and Babel's helpers for a spread, `Object.assign`. */
const MERGE = /^(?:__assign|_extends|_objectSpread\d*|(?:Object\.)?assign)$/;

/** Whether a value is one a pause goes through as it is: a literal, a name, a member, its arithmetic or fallback. */
function carries(value: EsNode): boolean {
  const node = unwrap(value);
  if (node.type === "Literal" || node.type === "Identifier" || node.type === "MemberExpression") return true;
  if (node.type === "BinaryExpression" || node.type === "LogicalExpression")
    return CARRIES.has(node.operator as string);
  if (node.type === "ConditionalExpression") return true;
  return node.type === "CallExpression" && MATH.test(pathOf(node.callee as EsNode) ?? "");
}

/** A compiler's temporary local: TypeScript's `_a`, `_b`, ... `_a2`. */
const TEMPORARY = /^_[a-z]\d*$/;

/** A node of the walk, its parent, the key it is held under there, and its parent's own entry (the way up). */
type Parented = { node: EsNode; parent: EsNode | undefined; key: string; up: Parented | undefined };

/** A function's parameter names by position (`(a, b = 30, { c })` gives `a`, `b` and no name for the pattern). */
function parameterNames(fn: EsNode): string[] {
  return ((fn.params as EsNode[] | undefined) ?? []).map((param) => {
    const plain = param.type === "TSParameterProperty" ? (param.parameter as EsNode) : param;
    const bare = plain.type === "AssignmentPattern" ? (plain.left as EsNode) : plain;
    return bare.type === "Identifier" ? (bare.name as string) : "";
  });
}

/**
 * `retrier(({ attempt, retry }) => fn().catch(() => retry((attempt + 1) * DEFAULT_NETWORK_ERROR_TIMEOUT)))`: the
 * `retry` a retrier hands its callback takes the pause before the next attempt (@uploadcare/upload-client, fresh223).
 */
function retryHandedDelay({ node, up }: Parented): EsNode | undefined {
  if (node.type !== "CallExpression") return undefined;
  const callee = node.callee as EsNode;
  const args = node.arguments as EsNode[];
  if (callee.type !== "Identifier" || callee.name !== "retry" || args.length !== 1) return undefined;
  for (let entry = up; entry; entry = entry.up) {
    if (!FUNCTION_TYPES.has(entry.node.type)) continue;
    const takes = ((entry.node.params as EsNode[] | undefined) ?? []).some(
      (param) =>
        param.type === "ObjectPattern" &&
        (param.properties as EsNode[]).some((p) => p.type === "Property" && keyName(p) === "retry"),
    );
    if (takes) return args[0];
  }
  return undefined;
}

/**
 * Whether the sleep at `item` runs in an async function called on the spot whose promise is kept rather than dropped
 * (ethers' fallback provider: `runner.staller = (async () => { await stall(config.stallTimeout); runner.staller = null;
 * })()`, raced later against the request): that promise settles when the sleep is over, a deadline for whatever it is
 * raced with, not a pause between tries (quais, fresh39).
 */
function inKeptTask(item: Parented): boolean {
  let entry = item.up;
  while (entry && !FUNCTION_TYPES.has(entry.node.type)) entry = entry.up;
  if (!entry || entry.node.async !== true) return false;
  // Up through the parentheses around the function to the call of it, then past the call's own parentheses.
  let callee = entry;
  while (callee.up?.node.type === "ParenthesizedExpression") callee = callee.up;
  if (callee.key !== "callee" || callee.parent?.type !== "CallExpression") return false;
  let user = callee.up?.up;
  while (user && (user.node.type === "ParenthesizedExpression" || user.node.type === "AwaitExpression")) user = user.up;
  return user !== undefined && user.node.type !== "ExpressionStatement";
}

function keyName(property: EsNode): string | undefined {
  const key = property.key as EsNode;
  if (property.computed) return undefined;
  if (key.type === "Identifier") return key.name as string;
  return key.type === "Literal" && typeof key.value === "string" ? key.value : undefined;
}

/**
 * The names of a file that hold only the pause before the next attempt, and the delays its sleeps are given (`await
 * utils.setTimeout(500)`: a pause whatever it reads). `inertDelay` tells a timer delay the file's timers judged inert;
 * `sleepers` are the sleep helpers of the file and its package, whatever they are called (`sleepsForFirst`).
 */
export function pauseNames(
  program: EsNode,
  source: string,
  inertDelay: (delay: EsNode) => boolean,
  sleepers: ReadonlySet<string> = new Set(),
): { names: Set<string>; sleeps: [number, number][] } {
  const quiet = new Set<string>();
  const sleeps: [number, number][] = [];
  if (!MIGHT_PAUSE.test(source) && ![...sleepers].some((name) => source.includes(name)))
    return { names: quiet, sleeps };
  const sinks: EsNode[] = [];
  // Timers whose callback neither ends nor fails anything: a sink when their delay grows exponentially.
  const backoffs: EsNode[] = [];
  const locals = new Map<string, EsNode[]>();
  // Where each local is visible: the function it is declared in (a bundle's `e` is another binding in each function).
  const scopes = new Map<string, [number, number][]>();
  const fields = new Map<string, EsNode[]>();
  const reads = new Map<string, Parented[]>();
  const handedOut = new Set<string>();
  // The file's own functions and methods: a literal handed to one is read here, by its parameters.
  const own = new Set<string>();
  // The methods of the file's object literals: its own when called on `this` (`creator.fetchAndLock(...)` is not).
  const literalMethods = new Set<string>();
  // Functions stored in a local (`const makeRequest = async () => ...`): its own when called by that bare name.
  const localFunctions = new Set<string>();
  const ownMethod = (callee: EsNode) => {
    const node = unwrap(callee);
    if (node.type === "Identifier") return localFunctions.has(node.name as string);
    return (
      node.type === "MemberExpression" &&
      (node.object as EsNode).type === "ThisExpression" &&
      literalMethods.has(memberName(node) ?? "")
    );
  };
  // The parameter names of the file's own functions and classes (their constructor's), and the calls of them: an
  // argument is stored under the parameter it lands in (`new Policy(next, options, retryTimeout)`).
  const parameters = new Map<string, string[]>();
  const ownCalls: EsNode[] = [];
  // A local's store and where it is visible: the function the store is in.
  const local = (name: string, value: EsNode, item: Parented, scoped = true) => {
    locals.set(name, [...(locals.get(name) ?? []), value]);
    if (!scoped) return;
    let scope = item.up;
    while (scope && !FUNCTION_TYPES.has(scope.node.type)) scope = scope.up;
    scopes.set(name, [...(scopes.get(name) ?? []), span(scope?.node ?? program)]);
  };
  const read = (name: string, item: Parented) => {
    const list = reads.get(name) ?? [];
    list.push(item);
    reads.set(name, list);
  };
  // Each entry links to its parent's entry, so the way up needs no map from node to parent (a map keyed by every node
  // of a file was most of this walk's cost: bench/speed.mjs, session 30).
  const stack: Parented[] = [{ node: program, parent: undefined, key: "", up: undefined }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const { node, parent, key } = item;
    const grandparent = item.up?.parent;
    const slept = sleptDelay(node, parent, sleepers);
    if (slept && !inKeptTask(item)) {
      sinks.push(slept);
      sleeps.push(span(slept));
    }
    const handed = retryHandedDelay(item);
    if (handed) sinks.push(handed);
    if (node.type === "CallExpression" && calleeName(node.callee as EsNode) === "setTimeout") {
      const [callback, delay] = node.arguments as EsNode[];
      if (delay && inertDelay(delay)) sinks.push(delay);
      else if (callback && delay && !endsWhenCalled(callback, source)) backoffs.push(delay);
    }
    if (node.type === "VariableDeclarator" && (node.id as EsNode).type === "Identifier" && isNode(node.init))
      local((node.id as EsNode).name as string, node.init as EsNode, item);
    // `this._retryTimeout = retryTimeout`: the object's own field stores what it is given (another object's, such as
    // `opts.timeout = Number(opts.timeout) || 0`, may be read where this file does not see).
    if (node.type === "AssignmentExpression" && node.operator === "=" && isNode(node.right)) {
      const left = node.left as EsNode;
      const name =
        left.type === "MemberExpression" && !left.computed && (left.object as EsNode).type === "ThisExpression"
          ? memberName(left)
          : undefined;
      if (name !== undefined) fields.set(name, [...(fields.get(name) ?? []), node.right as EsNode]);
      // A local assigned apart from its declaration (TypeScript's ES5 output of a destructured default: `_c =
      // _a.timeout, timeout = _c === void 0 ? 300 : _c`, inside the `__generator` callback) stores it, when the value
      // is one the pause goes through: `timeout = conversions.long(timeout)` makes another value. Where it is visible
      // is not where it is assigned (esbuild's `var LIMIT;` set inside an `init_*` function and read in any other,
      // @agentv/core, fresh422), except for a compiler's temporary, reused in every function.
      if (left.type === "Identifier" && carries(node.right as EsNode))
        local(left.name as string, node.right as EsNode, item, TEMPORARY.test(left.name as string));
    }
    const inPattern = node.type === "Property" && parent?.type === "ObjectPattern";
    if (node.type === "FunctionDeclaration" && (node.id as EsNode | null)?.type === "Identifier") {
      own.add((node.id as EsNode).name as string);
      parameters.set((node.id as EsNode).name as string, parameterNames(node));
    }
    if (
      (node.type === "ClassDeclaration" || node.type === "ClassExpression") &&
      (node.id as EsNode | null)?.type === "Identifier"
    ) {
      const constructor = ((node.body as EsNode).body as EsNode[]).find(
        (member) => member.type === "MethodDefinition" && member.kind === "constructor",
      );
      if (constructor) parameters.set((node.id as EsNode).name as string, parameterNames(constructor.value as EsNode));
    }
    if (
      (node.type === "CallExpression" || node.type === "NewExpression") &&
      (node.callee as EsNode).type === "Identifier"
    )
      ownCalls.push(node);
    if ((node.type === "MethodDefinition" || node.type === "PropertyDefinition") && !node.computed)
      own.add(keyName(node) ?? "");
    // `const makeRequest = async (options) => {...}` (or, in TypeScript's ES5 output, `makeRequest = function (options)
    // {...}`), an object literal's `async handleFailure(id, options) {...}` called as `this.handleFailure(...)`:
    // functions of this file too, so a retry's `makeRequest({ ...rest, timeout: timeout + 100 })` stores the next
    // pause under the name its own default is read from (@visaright/camunda-rest-client, fresh416).
    const declared =
      node.type === "VariableDeclarator" && (node.id as EsNode).type === "Identifier"
        ? [(node.id as EsNode).name as string, node.init]
        : node.type === "AssignmentExpression" && (node.left as EsNode).type === "Identifier"
          ? [(node.left as EsNode).name as string, node.right]
          : undefined;
    if (declared?.[0] && isNode(declared[1]) && FUNCTION_TYPES.has(declared[1].type))
      localFunctions.add(declared[0] as string);
    if (
      node.type === "Property" &&
      !inPattern &&
      !node.computed &&
      isNode(node.value) &&
      FUNCTION_TYPES.has(node.value.type)
    )
      literalMethods.add(keyName(node) ?? "");
    if (node.type === "Property" && !inPattern && isNode(node.value)) {
      const name = keyName(node);
      // `request(url, { timeout: 5000 })`: the callee reads that field, not this file. An object merged first
      // (`makeRequest(__assign(__assign({}, rest), { timeout: t }))`) is handed to whoever takes the merge.
      let call = item.up?.up;
      const merges = (entry: Parented) =>
        entry.node.type === "CallExpression" && MERGE.test(calleeName(entry.node.callee as EsNode) ?? "");
      while (call && merges(call) && call.up?.node.type === "CallExpression") call = call.up;
      const object = call?.node;
      const handed =
        object !== undefined &&
        (object.type === "CallExpression" || object.type === "NewExpression") &&
        object.callee !== parent &&
        !own.has(calleeName(object.callee as EsNode) ?? "") &&
        !ownMethod(object.callee as EsNode);
      if (name !== undefined && handed) handedOut.add(name);
      else if (name !== undefined) fields.set(name, [...(fields.get(name) ?? []), node.value as EsNode]);
    }
    if (node.type === "Identifier") {
      const declared = parent?.type === "VariableDeclarator" && key === "id";
      const property = (parent?.type === "MemberExpression" && key === "property" && !parent.computed) || key === "key";
      const pattern = parent?.type === "AssignmentPattern" && key === "left";
      const written = parent?.type === "AssignmentExpression" && key === "left";
      const param =
        (parent !== undefined && FUNCTION_TYPES.has(parent.type) && key !== "body") ||
        (parent?.type === "Property" && grandparent?.type === "ObjectPattern");
      if (!declared && !property && !pattern && !written && !param) read(node.name as string, item);
    }
    if (node.type === "MemberExpression" && !node.computed) {
      const written = parent?.type === "AssignmentExpression" && key === "left";
      // `AbortSignal.timeout(ms)`: a method called, not a duration read.
      const called = parent?.type === "CallExpression" && key === "callee";
      const name = memberName(node);
      if (name !== undefined && !written && !called) read(name, item);
    }
    // Every own key in `Object.entries` order (`for...in` allocates no pair per key; the AST's objects inherit none).
    for (const childKey in node) {
      if (childKey === "parent" || childKey === "range") continue;
      const value = node[childKey];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--)
          if (isNode(value[i])) stack.push({ node: value[i] as EsNode, parent: node, key: childKey, up: item });
      } else if (isNode(value)) stack.push({ node: value, parent: node, key: childKey, up: item });
    }
  }
  // `setTimeout(() => this._start(), base * factor ** count)`, or that product kept in a local first: a delay that
  // grows with each try is the pause before the next one (a per-try deadline's callback aborts or rejects the try).
  for (const delay of backoffs) {
    const node = unwrap(delay);
    const init = node.type === "Identifier" ? locals.get(node.name as string) : undefined;
    const value = init?.length === 1 ? init[0]! : node;
    if (EXPONENTIAL.test(source.slice(...span(value)))) sinks.push(delay);
  }
  if (sinks.length === 0) return { names: quiet, sleeps };
  const passed = new Map<string, EsNode[]>();
  for (const call of ownCalls) {
    const names = parameters.get((call.callee as EsNode).name as string);
    if (!names) continue;
    (call.arguments as EsNode[]).forEach((argument, index) => {
      const name = names[index];
      if (name && argument.type !== "SpreadElement") passed.set(name, [...(passed.get(name) ?? []), argument]);
    });
  }
  // The values that are the pause (the sinks, then what a pause name stores) and the names they read, followed through
  // every store first; then the names read anywhere else are dropped until none is: a name is a pause once every read
  // of it is inside one of those values, a test of it, or its own store (`initRetryTimeout: options.initRetryTimeout
  // || INIT_RETRY_TIMEOUT`). Dropping from the whole chain, rather than adding from the sink outwards, keeps a chain
  // whose outer store reads its own name again: `const base = args.retry.timeout ?? DEFAULT_RETRY_TIMEOUT; const
  // timeout = base + jitter; await sleep(timeout)` (@dxos/edge-client, fresh214), where `args.retry.timeout` is a
  // read of `timeout` that only `base`'s store holds.
  const within = (node: EsNode, list: readonly [number, number][]) => {
    const [from, to] = span(node);
    return list.some(([a, b]) => a <= from && to <= b);
  };
  // The smallest of `list` around `node`, as a key: the innermost function of a local's that holds the read.
  const innermost = (node: EsNode, list: readonly [number, number][]) => {
    const [from, to] = span(node);
    let best: [number, number] | undefined;
    for (const [a, b] of list) if (a <= from && to <= b && (!best || b - a < best[1] - best[0])) best = [a, b];
    return best ? `${best[0]}:${best[1]}` : "";
  };
  const namesIn = (value: EsNode, into: Set<string>) => {
    const visit = (raw: EsNode, depth: number): void => {
      const node = unwrap(raw);
      if (depth > 6) return;
      if (node.type === "Identifier") into.add(node.name as string);
      else if (node.type === "MemberExpression") {
        const name = memberName(node);
        if (name !== undefined) into.add(name);
      } else if (
        (node.type === "BinaryExpression" || node.type === "LogicalExpression") &&
        CARRIES.has(node.operator as string)
      ) {
        visit(node.left as EsNode, depth + 1);
        visit(node.right as EsNode, depth + 1);
      } else if (node.type === "ConditionalExpression") {
        visit(node.test as EsNode, depth + 1);
        visit(node.consequent as EsNode, depth + 1);
        visit(node.alternate as EsNode, depth + 1);
      } else if (node.type === "CallExpression" && MATH.test(pathOf(node.callee as EsNode) ?? ""))
        for (const arg of node.arguments as EsNode[]) visit(arg, depth + 1);
    };
    visit(value, 0);
  };
  const storesOf = (name: string) => [
    ...(locals.get(name) ?? []),
    ...(fields.get(name) ?? []),
    ...(passed.get(name) ?? []),
  ];
  // A test of the name (`if (opts.retryTimeout)`, `x != null`, `typeof x`) or a mention: not a use of the duration.
  const tested = ({ node, parent, up: entry }: Parented): boolean => {
    let child = node;
    let up = parent;
    let upEntry = entry;
    while (up?.type === "MemberExpression" && up.object === child) {
      child = up;
      up = upEntry?.parent;
      upEntry = upEntry?.up;
    }
    if (!up) return false;
    // Shown in a message (`Interval: ${opts.timeout}`): nothing waits on it there.
    if (up.type === "IfStatement" || up.type === "UnaryExpression" || up.type === "TemplateLiteral") return true;
    if (up.type === "BinaryExpression" && /^[!=]==?$/.test(up.operator as string)) return true;
    return up.type === "ConditionalExpression" && up.test === child;
  };
  const chain = new Set<string>();
  for (const sink of sinks) namesIn(sink, chain);
  let stored = 0;
  for (const name of chain) {
    if (stored > 400) break;
    for (const store of storesOf(name)) {
      stored++;
      namesIn(store, chain);
    }
  }
  for (const name of chain) if (handedOut.has(name)) chain.delete(name);
  const sinkRegions = sinks.map((sink) => span(sink));
  // Each round drops a name or ends; a file whose chain keeps changing past 64 rounds keeps every name a timeout (each
  // round scans every read of the chain's names against its stores).
  let changed = true;
  let rounds = 0;
  while (changed) {
    if (++rounds > 64) {
      chain.clear();
      break;
    }
    changed = false;
    const regions = [...sinkRegions];
    for (const name of chain) for (const store of storesOf(name)) regions.push(span(store));
    for (const name of chain) {
      const mine = storesOf(name).map((store) => span(store));
      // A bare read outside every function declaring the local, when only locals store the name, is another binding's
      // (realtimekit's minified backoff: `const e = Math.min(...)` in `wait()`, the constructor's own parameter `e`).
      const local = scopes.get(name);
      const list = reads.get(name) ?? [];
      // A compiler's temporary (TypeScript's `_a`, `_c`, reused in every function of its ES5 output) read in a function
      // where none of its reads carries the pause is another use of the name (camunda's `_c = _a.timeout` in the retry,
      // `var _c = object[key]` in `setSearchParams`).
      const carrying =
        local !== undefined && TEMPORARY.test(name)
          ? new Set(
              list
                .filter((item) => within(item.node, regions) && !within(item.node, mine))
                .map((item) => innermost(item.node, local)),
            )
          : undefined;
      const other = (item: Parented) =>
        local !== undefined &&
        item.node.type === "Identifier" &&
        !fields.has(name) &&
        !passed.has(name) &&
        (!within(item.node, local) || (carrying !== undefined && !carrying.has(innermost(item.node, local))));
      if (
        list.some((item) => !(within(item.node, regions) || within(item.node, mine) || tested(item) || other(item)))
      ) {
        chain.delete(name);
        changed = true;
      }
    }
  }
  for (const name of chain) quiet.add(name);
  return { names: quiet, sleeps };
}
