// Tests that only build values and compare them: `it("keeps the timeout", () => { const r = new Request({ timeout:
// 1000 }); expect(r.timeout()).toBe(1000) })`. A test function that takes no callback (`done`), or calls it with
// nothing only as its last statement, and awaits, yields or returns nothing ends as soon as its statements have run;
// when those statements only declare locals and assert, a timeout it builds (an options object, a request or a
// client it then reads back) bounds no wait at all. So does one it hands to a method whose receiver or arguments a
// later assertion reads a member of (`client.setClientOptions({ timeout }); expect(client.getClientOptions()).to.eql(...)`):
// the call is the setup the test checks. Not a test that starts something and leaves it running (`request(opts)`, a
// free function, whatever is read back; `lock.acquire({ timeout })` then only `expect(lock).toBeDefined()`, which
// reads nothing the call set; `void client.request({ timeout })`, `latch.done()`, a callback handed on), hands what it
// built to later tests (`registry = new Registry(...)` into a suite's variable, `this.client = ...`), or blocks
// (`execSync(cmd, { timeout })`, `Atomics.wait`).
import {
  bindingIdentifiers,
  calleePath,
  type EsNode,
  identifierCount,
  isFunction,
  isNode,
  memberName,
  span,
  unwrap,
} from "./ast.ts";
import { code } from "./mock-clocks.ts";

/** A call that registers one test (not a suite): `it(...)`, `test(...)`, `specify(...)`, or one with a modifier (skipped, focused, serial, concurrent, failing). */
const TEST_CALL = /^(it|test|specify)(\.(only|skip|serial|concurrent|failing))?$/;

/** A statement that asserts: `expect(x).toBe(1)`, `assert.equal(...)`, `x.should.equal(...)`, `should.equal(...)`. */
const ASSERTS = /^(expect|assert|chai|should)\b|\.should\b/;

/**
 * What makes a test wait after all: an `await`, a `yield`, a promise chained, a blocking call, a Cypress command
 * (`cy.get("form", { timeout: 10000 })`: queued, then run by Cypress after the test function has returned).
 */
const WAITS = /\b(await|yield)\b|\.then\s*\(|\w+Sync\s*\(|Atomics\.wait|deasync|\bcy\.[a-z]/;

/**
 * Calls that run the function they are given before they return (iteration, assertions that call it): not work left
 * for later, unlike `createCountDownLatch(n, { timeout: 3000 }, (timedOut) => ...)`, which calls back after the test.
 */
const CALLS_NOW =
  /(^|\.)(forEach|map|flatMap|filter|reduce|some|every|find\w*|sort|expect|throws|doesNotThrow|throw|toThrow\w*|should)$/;

/**
 * A synchronous test's body, the names it declares, the roots of what it assigns to, and whether it hands a
 * function to a call that may keep it for later (a callback the test does not wait for).
 */
type Candidate = {
  from: number;
  to: number;
  declared: Set<string>;
  assigned: Set<string>;
  defers: boolean;
  /** The test's `done` when its only use is the body's last statement, `done();`: the test ends there. */
  done?: EsNode;
  /** tape's assertion object (`t` of `test("...", (t) => { t.equal(a, b); t.end(); })`): its asserting methods. */
  tester?: RegExp;
  /** Per call statement that asserts nothing, the names it touches; a later assertion that reads one settles it. */
  calls: string[][];
};

export class SyncTests {
  /** Synchronous tests in document order (pre-order: a test opens before the nodes of its body arrive). */
  private readonly candidates: Candidate[] = [];
  /** [start, end) of the bodies of synchronous tests that keep what they build to themselves (after `finish`). */
  private ranges: [number, number][] = [];

  constructor(private readonly source: string) {}

  /** `it("...", () => { ... })` whose function ends without waiting for anything; a callback handed on in one. */
  call(node: EsNode): void {
    const args = node.arguments as EsNode[];
    const inside = this.candidates.length > 0 ? this.around(span(node)[0]) : undefined;
    if (inside && !inside.defers && args.some((arg) => isFunction(unwrap(arg)) && unwrap(arg).type !== "Identifier"))
      inside.defers = !CALLS_NOW.test(calleePath(node.callee as EsNode) ?? "");
    const last = args.at(-1);
    if (args.length < 2 || !last || !TEST_CALL.test(calleePath(node.callee as EsNode) ?? "")) return;
    const fn = unwrap(last);
    if (fn.type !== "ArrowFunctionExpression" && fn.type !== "FunctionExpression") return;
    if (fn.generator || (fn.params as EsNode[]).length > 1) return;
    const body = fn.body as EsNode;
    // `() => client.get(...)`: the value it returns may be a promise the runner waits for.
    if (body.type !== "BlockStatement") return;
    const statements = body.body as EsNode[];
    if (statements.some((statement) => statement.type === "ReturnStatement")) return;
    const [from, to] = span(body);
    const text = code(this.source.slice(from, to));
    if (WAITS.test(text)) return;
    const one = (fn.params as EsNode[]).length === 1;
    const done = one ? endsAtOnce(fn, statements, text) : undefined;
    const tape = one && !done ? tapeEnd(fn, statements, text) : undefined;
    if (one && !done && !tape) return;
    this.candidates.push({
      from,
      to,
      declared: new Set(),
      assigned: new Set(),
      defers: false,
      done: done ?? tape?.end,
      tester: tape?.asserts,
      calls: [],
    });
  }

  /** `const r = ...`, a function's parameters, a catch's binding: names local to the test they are in. */
  bindings(node: EsNode): void {
    const test = this.around(span(node)[0]);
    if (test) for (const name of bindingIdentifiers(node)) test.declared.add(name);
  }

  /** `registry = new Registry(...)`, `this.client = ...`, `shared.options = ...`: what the test writes to. */
  assignment(node: EsNode): void {
    const test = this.around(span(node)[0]);
    if (!test) return;
    let target = unwrap(node.left as EsNode);
    while (target.type === "MemberExpression") target = unwrap(target.object as EsNode);
    test.assigned.add(target.type === "Identifier" ? (target.name as string) : "this");
  }

  /**
   * A statement of its own (`client.request(...)`, `void start()`, `latch.done()`): unless it asserts, it acts. A
   * method call whose receiver or arguments a later assertion reads a member of (`redislock.setDefaults(options)` then
   * `expect(Lock._defaults.timeout).to.be(options.timeout)`) is the setup the test checks, settled by that assertion;
   * a bare `ok(client)` reads nothing the call set, and a free function (`request(opts)`) has no receiver to set up.
   */
  statement(node: EsNode): void {
    const test = this.candidates.length > 0 ? this.around(span(node)[0]) : undefined;
    if (!test || test.defers) return;
    const expression = unwrap(node.expression as EsNode);
    if (expression === test.done) return;
    // Assignments are judged by what they write (`assignment`); `i++` changes a counter.
    if (/^(AssignmentExpression|UpdateExpression|Literal)$/.test(expression.type)) return;
    const [from, to] = span(expression);
    const text = this.source.slice(from, to);
    if (ASSERTS.test(text) || test.tester?.test(text)) {
      test.calls = test.calls.filter((names) => !names.some((name) => readsMember(text, name)));
      return;
    }
    const method =
      expression.type === "CallExpression" && unwrap(expression.callee as EsNode).type === "MemberExpression";
    const names = method ? touched(expression) : [];
    if (names.length > 0) test.calls.push(names);
    else test.defers = true;
  }

  /**
   * Keeps the tests that leave nothing for later: every assignment writes their own names, no callback handed on,
   * every call that asserts nothing read back by a later assertion.
   */
  finish(): void {
    this.ranges = this.candidates
      .filter(
        (test) =>
          !test.defers && test.calls.length === 0 && [...test.assigned].every((name) => test.declared.has(name)),
      )
      .map(({ from, to }): [number, number] => [from, to]);
  }

  /** Whether `at` lies in a test that ends without waiting and keeps what it builds to itself. */
  has(at: number): boolean {
    return this.ranges.some(([from, to]) => from <= at && at < to);
  }

  /** The innermost test around `at`: the last one opened at or before it that contains it (a binary search). */
  private around(at: number): Candidate | undefined {
    const tests = this.candidates;
    let low = 0;
    let high = tests.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tests[mid]!.from <= at) low = mid + 1;
      else high = mid;
    }
    // A test nested in another (rare) closes before its outer one does: look back a few.
    for (let i = low - 1; i >= 0 && i >= low - 4; i--) if (at < tests[i]!.to) return tests[i];
    return undefined;
  }
}

/** Whether `text` reads a member of `name` (`client.getOptions()`, `opts.url`, `hci._socket.write`, `x?.y`, `x[k]`), not `name` alone. */
function readsMember(text: string, name: string): boolean {
  return new RegExp(`(?<![\\w$.])${name.replace(/[$]/g, "\\$")}\\s*(\\?\\.|\\.|\\[)`).test(text);
}

/**
 * The names a method call touches: its receiver's root (`client` of `client.setClientOptions(...)`, `wd` of
 * `wd.configureHttp(...)`) and its arguments' (`options`, `config.auth`'s `config`, the names of `{ timeout }`).
 */
function touched(call: EsNode): string[] {
  const names: string[] = [];
  const root = (raw: EsNode): void => {
    let node = unwrap(raw);
    while (node.type === "MemberExpression" || node.type === "CallExpression")
      node = unwrap((node.type === "CallExpression" ? node.callee : node.object) as EsNode);
    if (node.type === "Identifier") names.push(node.name as string);
  };
  const callee = unwrap(call.callee as EsNode);
  if (callee.type === "MemberExpression") root(callee.object as EsNode);
  for (const arg of call.arguments as EsNode[]) {
    const value = unwrap(arg);
    if (value.type !== "ObjectExpression") root(value);
    else
      for (const property of value.properties as EsNode[])
        if (property.type === "Property" && isNode(property.value)) root(property.value);
  }
  return names;
}

/**
 * `it("...", function (done) { ...; done(); })`: a test whose callback is called, with nothing, only as its body's
 * last statement ends there as a synchronous test does; the call, or undefined when `done` is used otherwise.
 */
function endsAtOnce(fn: EsNode, statements: EsNode[], text: string): EsNode | undefined {
  const end = lastCall(fn, statements);
  if (!end || end.callee.type !== "Identifier" || end.callee.name !== end.parameter) return undefined;
  return identifierCount(text, end.parameter) === 1 ? end.call : undefined;
}

/** The body's last statement when it is a call with no arguments (`done()`, `t.end()`), and the test's one parameter. */
function lastCall(fn: EsNode, statements: EsNode[]): { call: EsNode; callee: EsNode; parameter: string } | undefined {
  const parameter = (fn.params as EsNode[])[0]!;
  const last = statements.at(-1);
  if (parameter.type !== "Identifier" || last?.type !== "ExpressionStatement") return undefined;
  const call = unwrap(last.expression as EsNode);
  if (call.type !== "CallExpression" || (call.arguments as EsNode[]).length > 0) return undefined;
  return { call, callee: unwrap(call.callee as EsNode), parameter: parameter.name as string };
}

/** tape's assertions (and its `comment`): they compare, they wait for nothing. Not `plan`, `timeoutAfter` or `teardown`. */
const TAPE_ASSERTS =
  "ok|notOk|true|false|equal|equals|isEqual|strictEqual|notEqual|notEquals|deepEqual|deepEquals|notDeepEqual|deepLooseEqual|looseEqual|same|is|isNot|not|throws|doesNotThrow|match|doesNotMatch|error|ifError|ifErr|pass|fail|assert|comment";

/**
 * tape's `test("...", (t) => { ...; t.equal(a, b); t.end(); })`: a test whose assertion object is used only for
 * assertions and ends it with `t.end()` as the body's last statement ends there, as one that calls `done()` does
 * (pelias-api's configuration tests, fresh315). The `end` call, and the test for a statement that asserts.
 */
function tapeEnd(fn: EsNode, statements: EsNode[], text: string): { end: EsNode; asserts: RegExp } | undefined {
  const end = lastCall(fn, statements);
  if (end?.callee.type !== "MemberExpression" || memberName(end.callee) !== "end") return undefined;
  const receiver = unwrap(end.callee.object as EsNode);
  if (receiver.type !== "Identifier" || receiver.name !== end.parameter) return undefined;
  const name = end.parameter.replace(/[$]/g, "\\$");
  // Every use of the object: an assertion's call, or the one `end()`.
  const uses = identifierCount(text, end.parameter);
  const asserting =
    text.match(new RegExp(`(?<![\\w$.])${name}\\s*\\.\\s*(?:${TAPE_ASSERTS})\\s*\\(`, "g"))?.length ?? 0;
  if (uses !== asserting + 1) return undefined;
  return { end: end.call, asserts: new RegExp(`^${name}\\s*\\.\\s*(?:${TAPE_ASSERTS})\\s*\\(`) };
}
