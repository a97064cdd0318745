// Test doubles: what a fake, mock or stub does is its own behaviour, not a wait of the code under test.
import { calleePath, type EsNode, FUNCTION_TYPES, isFunction, isNode, propertyName, span, unwrap } from "./ast.ts";
import { ASSERTS, SPY } from "./no-wait-shapes.ts";

/** A receiver, callee or definition named like a test double (`XHRFake`, `mockStream`, `StubSocket`, `Mocks.get`). */
export const DOUBLE_NAME = /(^|[^a-z])(fake|mock|stub|dummy)|Fake|Mock|Stub|Dummy/;

/** Keys under which the code under test takes the timer functions it arms (`new JSONBird({ setTimeout, clearTimeout })`). */
const TIMER_KEYS = /^(setTimeout|setInterval)$/;

/** A call that arms a timer or defers to the event loop: an injected function that makes one is a wrapper, not a fake. */
const ARMS_TIMER = /(^|[^\w$])(setTimeout|setInterval|setImmediate|queueMicrotask|nextTick)\s*\(/;

/**
 * A literal's name that says it is a double's data: `mockResponse`, `fakeUser`, and in capitals, which `DOUBLE_NAME`
 * leaves to words (`MOCK_CONNECTORS`: @camunda/c4-connectors' mock API rows, shown in a table, fresh298).
 */
const DATA_NAME = new RegExp(`${DOUBLE_NAME.source}|(^|_)(MOCK|FAKE|STUB|DUMMY)(S?_|S?$)`);
/** Literals that hold data: an object or an array of them. */
const DATA = new Set(["ObjectExpression", "ArrayExpression"]);

const DEFINITIONS = new Set([
  "FunctionDeclaration",
  "FunctionExpression",
  "ArrowFunctionExpression",
  "ClassDeclaration",
  "ClassExpression",
]);

/**
 * The doubles of one file: functions and classes named like one (`const ClientMock = function (options) {
 * this.options = { subscriptionTimeout: 5 } }`), whose bodies are the double's behaviour, and names bound to
 * what a double factory made (`var transport = Mocks.getTransport(); transport.activityTimeout = 123123`).
 */
export class Doubles {
  /** [start, end) of functions and classes named like doubles. */
  private readonly bodies: [number, number][] = [];
  /** Names bound to a value a double factory or a double's constructor made. */
  private readonly made = new Set<string>();
  /** The file's functions and classes by name (every one of each name), for the timer functions an object injects. */
  private readonly functions = new Map<string, EsNode[]>();
  /** Objects that hand the code under test a timer function (`{ pingTimeout: 0, setTimeout }`), with that function. */
  private readonly injecting: { object: EsNode; timer: EsNode }[] = [];

  constructor(private readonly source: string) {}

  /**
   * `function FakeServer() {}`, `class MockSocket {}`, `const ClientMock = function () {}`, and a double's canned data
   * (`const MOCK_CONNECTORS = [{ name: "AWS Lambda", timeout: 30000 }, ...]`, `const mockResponse = { ... }`).
   */
  definition(name: string | undefined, value: unknown): void {
    if (name !== undefined && isNode(value) && DATA.has(unwrap(value).type) && DATA_NAME.test(name))
      this.bodies.push(span(value));
    if (name === undefined || !isNode(value) || !DEFINITIONS.has(unwrap(value).type)) return;
    const definitions = this.functions.get(name);
    if (definitions) definitions.push(unwrap(value));
    else this.functions.set(name, [unwrap(value)]);
    if (DOUBLE_NAME.test(name)) this.bodies.push(span(value));
  }

  /**
   * `new JSONBird({ pingTimeout: 0, setTimeout, clearTimeout })`: an object that hands the code under test its own
   * timer function. Which function it is is known only once the file's functions are (`injectedFakes`).
   */
  object(node: EsNode): void {
    for (const property of node.properties as EsNode[]) {
      if (property.type !== "Property" || !TIMER_KEYS.test(propertyName(property) ?? "")) continue;
      const timer = unwrap(property.value as EsNode);
      if (isFunction(timer)) this.injecting.push({ object: node, timer });
    }
  }

  /**
   * [start, end) of objects whose injected timer function arms no timer (it records its calls, throws, or runs the
   * callback at once): the durations they hold wait on a fake, nothing waits. A wrapper that arms a real timer, and
   * the global `setTimeout` handed on as itself, are the real clock. `functionAt` gives the function around a
   * position (or the whole file), to resolve a shorthand `{ setTimeout }` to the definition in scope there.
   */
  injectedFakes(functionAt: (at: number) => [number, number]): [number, number][] {
    const fakes: [number, number][] = [];
    // One test of each function's body, however many objects hand it on (a suite that passes its fake to each test).
    const armsTimer = new Map<EsNode, boolean>();
    for (const { object, timer } of this.injecting) {
      const fn = timer.type === "Identifier" ? this.inScope(timer.name as string, span(object)[0], functionAt) : timer;
      // Its body only: `function setTimeout(fn, ms) {...}` names itself in its head.
      const body = fn?.body;
      if (!isNode(body) || fn?.type === "ClassDeclaration" || fn?.type === "ClassExpression") continue;
      let arms = armsTimer.get(body);
      if (arms === undefined) armsTimer.set(body, (arms = ARMS_TIMER.test(this.source.slice(...span(body)))));
      if (!arms) fakes.push(span(object));
    }
    return fakes;
  }

  /**
   * The definition of `name` a reference at `at` sees: of the definitions whose scope (the function they are declared
   * in, or the file) holds `at`, the innermost. A `describe` that defines its own `setTimeout` does not make the
   * global one another `describe` hands on a fake. Scopes are functions: a `const` declared in a bare block is taken
   * for its function's.
   */
  private inScope(name: string, at: number, functionAt: (at: number) => [number, number]): EsNode | undefined {
    let found: EsNode | undefined;
    let innermost = -1;
    for (const definition of this.functions.get(name) ?? []) {
      const [from, to] = functionAt(span(definition)[0]);
      if (from <= at && at < to && from > innermost) [found, innermost] = [definition, from];
    }
    return found;
  }

  /** `transport = Mocks.getTransport()`, `const socket = new MockSocket()`: the name holds a double. */
  binding(name: string | undefined, value: unknown): void {
    if (name === undefined || !isNode(value)) return;
    const made = unwrap(value);
    if (made.type !== "CallExpression" && made.type !== "NewExpression") return;
    if (DOUBLE_NAME.test(calleePath(made.callee as EsNode) ?? "")) this.made.add(name);
  }

  /** `XHRFake.timeout = 2000`, `transport.activityTimeout = 1` on a double: its own behaviour, not a deadline. */
  isDouble(receiver: EsNode): boolean {
    const node = unwrap(receiver);
    if (node.type === "Identifier" && this.made.has(node.name as string)) return true;
    const [start, end] = span(receiver);
    return DOUBLE_NAME.test(this.source.slice(start, end));
  }

  /**
   * `setTimeout(() => query.emit("timeout"), 10)` with `const query = new Fake.Query()`: a timer whose callback only
   * calls methods of doubles makes the double act (the test plays the other side); it ends no wait of the code.
   */
  onlyActs(callback: EsNode): boolean {
    const fn = unwrap(callback);
    if (fn.type !== "ArrowFunctionExpression" && fn.type !== "FunctionExpression") return false;
    const body = fn.body as EsNode;
    const statements = body.type === "BlockStatement" ? (body.body as EsNode[]) : [body];
    const acts = (raw: EsNode): boolean => {
      const node = unwrap(raw.type === "ExpressionStatement" ? (raw.expression as EsNode) : raw);
      const callee = node.type === "CallExpression" ? unwrap(node.callee as EsNode) : undefined;
      return callee?.type === "MemberExpression" && this.isDouble(callee.object as EsNode);
    };
    return statements.length > 0 && statements.every(acts);
  }

  /** Parameter defaults of named functions in a double's body (`waitForAlert(predicate, timeoutMs = 2e3)`). */
  private readonly defaults: { name: string; index: number; range: [number, number] }[] = [];
  /** The defaults a double's own wait bounds itself with (`waits`): judged like any wait's. */
  private waiting: [number, number][] = [];

  /** A named function's parameters: its defaults, when it sits in a double's body (seen before its methods). */
  parameters(name: string | undefined, fn: unknown): void {
    const value = isNode(fn) ? unwrap(fn) : undefined;
    if (name === undefined || !value || !FUNCTION_TYPES.has(value.type)) return;
    (value.params as EsNode[]).forEach((param, index) => {
      if (param.type === "AssignmentPattern" && this.inBody(span(param)[0]))
        this.defaults.push({ name, index, range: span(param) });
    });
  }

  /**
   * @backstage/frontend-test-utils' `MockAlertApi.waitForAlert(predicate, timeoutMs = 2e3)` rejects once a timer of
   * that delay fires (fresh370): a test waits on the double, and the default bounds that wait. `helpers` are the
   * file's functions whose parameters reach a deadline timer (`deadline-helpers.ts`), by name and position.
   */
  waits(helpers: ReadonlyMap<string, ReadonlySet<number>>): void {
    this.waiting = this.defaults.filter(({ name, index }) => helpers.get(name)?.has(index)).map(({ range }) => range);
  }

  /** Whether a position lies in the body of a function or class named like a double (but not in its own wait's bound). */
  inside(at: number): boolean {
    return this.inBody(at) && !this.waiting.some(([from, to]) => from <= at && at < to);
  }

  private inBody(at: number): boolean {
    return this.bodies.some(([from, to]) => from <= at && at < to);
  }
}

/** An object with a spy among its values, or a method that asserts what it is given (in it or in an object it holds). */
export function isDoubleObject(node: EsNode, source: string, depth = 0): boolean {
  return (node.properties as EsNode[]).some((p) => {
    if (p.type !== "Property") return false;
    const value = unwrap(p.value as EsNode);
    if (value.type === "CallExpression") return SPY.test(calleePath(value.callee as EsNode) ?? "");
    if (value.type === "ObjectExpression") return depth < 2 && isDoubleObject(value, source, depth + 1);
    return isFunction(value) && ASSERTS.test(source.slice(...span(value)));
  });
}
