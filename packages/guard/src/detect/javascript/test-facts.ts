// What tests say about values: assertions, type tests, calls expected to fail, timers raced or measured.
import type { RacedCalls } from "./raced-calls.ts";
import { calleePath, type EsNode, isFunction, memberName, referenceName, span, unwrap } from "./ast.ts";
import { DOUBLE_NAME } from "./doubles.ts";
import { isDeadlineTimer, stopsRecording, TIMER_CALLS } from "./timers.ts";

/** Errors of a refused input (thrown or rejected before anything waits): "Option base is required", "not supported". */
const VALIDATION_ERROR = /TypeError|RangeError|Invalid|ValidationError|must be|is required|not supported/i;

/** An error naming a bad value: `ER_DEVAPI_BAD_CONNECTION_TIMEOUT`, "illegal timeout", `WrongTimeoutError`. */
const BAD_VALUE = /(^|[\W_])(bad|illegal|wrong)([\W_]|$)|(Bad|Illegal|Wrong)(?=[A-Z])/i;

/** `expect(x).toThrow()`, `.rejects.toThrow(...)`, chai's `expect(fn).to.throw()`: the subject is expected to fail. */
const EXPECTS_FAILURE =
  /^<call>(\.(not|rejects|to|be|eventually))*\.(toThrow\w*|throw|throws|rejected\w*)$|^<call>\.rejects\./;

/** The last statement of a try block that fails the test when reached: `done(new Error(...))`, `assert.fail()`. */
const FAILS_TEST =
  /^((done|cb|callback|next)\s*\(\s*new \w*Error\b|(assert|t|expect|chai\.assert|should)\.fail\s*\(|assert\s*\(\s*false\b)/;

const ASSERTION_METHODS =
  /(^|\.)(deepStrictEqual|notDeepStrictEqual|partialDeepStrictEqual|deepEqual|notDeepEqual|strictEqual|notStrictEqual|same|strictSame|notSame|toEqual|toStrictEqual|toMatchObject|toHaveBeenCalledWith|toHaveBeenLastCalledWith|toHaveProperty|toThrow|throws|rejects|doesNotThrow|doesNotReject|calledWith|calledWithMatch)$/;

/**
 * Chai's BDD chains (`expect(x).to.eql({...})`, `expect(x).to.deep.equal(...)`, `x.should.have.property("timeout",
 * 5)`; chaijs.com/api/bdd): their arguments are the value expected, compared, never handed to anything that waits.
 * Only a chain off `expect(...)` or `.should` (`_.include(list, x)` and `emitter.property(...)` are not assertions).
 */
const CHAI_ASSERTION =
  /^(<call>|[\w$.<>]*\.should)(\.(to|be|been|is|that|which|and|has|have|with|at|of|same|but|does|still|also|not|deep|nested|own|ordered|any|all|eventually))*\.(equal|equals|eq|eql|eqls|include|includes|contain|contains|members|property|keys)$/;

/** `assert.deepStrictEqual(...)`, `t.assert.throws(...)`, `expect(x).toEqual(...)`, `assert.equal(...)`, `assert(...)`. */
function isAssertion(path: string): boolean {
  if (ASSERTION_METHODS.test(path) || /^expect(Type|NotType|Assignable|NotAssignable|Error|Deprecated)$/.test(path))
    return true;
  return /^(assert|t\.assert|assert\.strict)$/.test(path) || /(^|\.)assert\.(equal|ok|match|notEqual)$/.test(path);
}

/** The object of the `.should` member in an assertion's callee chain (`agent.connectOpts` in `agent.connectOpts.should.have.property`). */
function subjectOfShould(node: EsNode): EsNode | undefined {
  let current = unwrap(node.callee as EsNode);
  while (current.type === "MemberExpression") {
    const object = unwrap(current.object as EsNode);
    if (memberName(current) === "should") return object;
    current = object;
  }
  return undefined;
}

/** The `expect(subject)` call at the root of a tstyche chain (`expect(x).type.toBe<T>()`). */
function typeTestSubject(node: EsNode): EsNode | undefined {
  let current = unwrap(node.callee as EsNode);
  while (current.type === "MemberExpression") current = unwrap(current.object as EsNode);
  if (current.type !== "CallExpression") return undefined;
  const callee = unwrap(current.callee as EsNode);
  return callee.type === "Identifier" && callee.name === "expect" ? current : undefined;
}

/** The last names of the calls collectTestFacts looks at: assertions, type tests, timers, `Promise.race`. */
const TEST_FACT_CALLEES =
  /^((assert|expect)[A-Z]\w*|setTimeout|race|assert|equal|ok|match|notEqual|deepStrictEqual|notDeepStrictEqual|partialDeepStrictEqual|deepEqual|notDeepEqual|strictEqual|notStrictEqual|same|strictSame|notSame|toEqual|toStrictEqual|toMatchObject|toHaveBeenCalledWith|toHaveBeenLastCalledWith|toHaveProperty|toThrow\w*|throw|throws|rejects|rejected\w*|doesNotThrow|doesNotReject|calledWith|calledWithMatch|expect(Type|NotType|Assignable|NotAssignable|Error|Deprecated)?|toBe\w*|toRaiseError|toAccept\w*|toHave\w*|equals|eq|eql|eqls|include|includes|contain|contains|members|property|keys)$/;

/** A test's own assertion helper, called by its bare name (`assertHasOrigin`, `expectCalledWith`). */
const MOCK_ASSERTION_HELPER = /^(assert|expect)(?!(Type|NotType|Assignable|NotAssignable|Error|Deprecated)$)[A-Z]\w*$/;

/** A name that says the value is a test double (`doubles.ts`' `DOUBLE_NAME`, or a spy): `mockCreateDistribution`, `sendSpy`. */
function isMockName(node: EsNode): boolean {
  const target = unwrap(node);
  return (
    target.type === "Identifier" && (DOUBLE_NAME.test(target.name as string) || /^spy|Spy/.test(target.name as string))
  );
}

/** The facts the test collectors add to (a file's `FileFacts`). */
export interface TestFacts {
  readonly source: string;
  readonly assertionRanges: [number, number][];
  readonly timerDelays: Set<string>;
  readonly windowDelays: Map<string, number[]>;
  readonly raceElements: [number, number][];
  readonly racedNames: Set<string>;
  /** Calls race elements start with (`raced-calls.ts`). */
  readonly racedCalls: RacedCalls;
  /** [start, end) of `expect(subject)` subjects, in document order: a name used there is checked. */
  readonly subjectRanges: [number, number][];
  text(node: EsNode): string;
}

/**
 * What a call says in a test (calls come in document order): the arguments of assertions
 * (`assert.deepStrictEqual(config, { requestTimeout: 0 })`, `assert.throws(() => ...)`), subjects
 * expected to fail, timers' delays, and the elements of a `Promise.race`.
 */
export function collectTestCall(facts: TestFacts, node: EsNode): void {
  // Most calls are none of these: the callee's last name rules them out before its path is built.
  const callee = unwrap(node.callee as EsNode);
  const last = callee.type === "SequenceExpression" ? "setTimeout" : referenceName(callee);
  if (last === undefined || !TEST_FACT_CALLEES.test(last)) return;
  const path = calleePath(node.callee as EsNode);
  if (path === undefined) return;
  const args = node.arguments as EsNode[];
  // @serverless/aws-cloudfront's `assertHasOrigin(mockCreateDistribution, { CustomOriginConfig: { OriginReadTimeout:
  // 30 } })`: the test's own helper asserting on what a mock was called with; its other arguments are expectations.
  if (MOCK_ASSERTION_HELPER.test(path) && args.length > 1 && isMockName(args[0]!)) {
    for (const arg of args.slice(1)) pushAssertionRange(facts, span(arg));
    return;
  }
  // `expect(conn.timeout).toBe(10000)`: a use of `conn` there checks it (counted, not a range of its own).
  if (path === "expect" && args[0]) facts.subjectRanges.push(span(args[0]));
  if (TIMER_CALLS.test(path) && args[1]?.type === "Identifier" && !isDeadlineTimer(path, args, facts.source)) {
    facts.timerDelays.add(args[1].name as string);
    if (isFunction(args[0]!) && args[0]!.type !== "Identifier" && stopsRecording(facts.text(args[0]!))) {
      const name = args[1].name as string;
      facts.windowDelays.set(name, [...(facts.windowDelays.get(name) ?? []), span(node)[0]]);
    }
  }
  // `expect(() => connect({ timeout: 1200 })).toThrow(TypeError)`, `expect(p).rejects.toThrow()`: the
  // subject is expected to fail on its input; nothing waits, unless the failure expected is the timeout.
  if (EXPECTS_FAILURE.test(path)) {
    const subject = typeTestSubject(node);
    const expected = args.map((arg) => facts.text(arg)).join(",");
    // A function that throws synchronously has started nothing; a rejected promise may have waited
    // first, so `.rejects` counts only with a validation error (`TypeError`, `RangeError`, "invalid").
    const validation = VALIDATION_ERROR.test(expected) || BAD_VALUE.test(expected);
    const refused = !path.includes(".rejects") || validation;
    // `.to.throw(errors.MESSAGES.ER_DEVAPI_BAD_CONNECTION_TIMEOUT)`: an error about a bad timeout value is the input
    // refused, not a timeout that fired.
    if (subject && refused && (validation || !/time[ds]?\s*-?_?out/i.test(expected)))
      pushAssertionRange(facts, span(subject));
  }
  // A type test (`expect(fastify({ http2SessionTimeout: 1000 })).type.toBe<...>()` in tstyche,
  // `expectType<T>(x)` in tsd) is type-checked, never run: its subject waits for nothing.
  const typeTest = /^<call>(\.not)?\.type\./.test(path) ? typeTestSubject(node) : undefined;
  const chai = CHAI_ASSERTION.test(path) && (/\.should\./.test(path) || typeTestSubject(node) !== undefined);
  // `agent.connectOpts.should.have.property("timeout", 3210)`: the value before `.should` is the subject, as `expect(x)`'s.
  const shouldSubject = chai ? subjectOfShould(node) : undefined;
  if (shouldSubject) facts.subjectRanges.push(span(shouldSubject));
  if (isAssertion(path) || typeTest || chai) {
    // `assert.rejects(async () => { await execa(cmd, { timeout: 15000 }) })`: a rejection may come after a wait,
    // so the operation counts as refused input only when the error expected is a validation error.
    const waits = /(^|\.)rejects$/.test(path) && !VALIDATION_ERROR.test(args[1] ? facts.text(args[1]) : "");
    for (const arg of (typeTest ?? node).arguments as EsNode[])
      if (!(waits && arg === args[0])) pushAssertionRange(facts, span(arg));
    return;
  }
  if (path === "Promise.race") {
    // Timers inside these elements race the operation; the walk finds them when it gets there.
    const first = args[0];
    // `Promise.race([Promise.resolve(), sleep(1000)])`: the settled element wins at once, nothing waits on the timer.
    const elements =
      first && unwrap(first).type === "ArrayExpression" ? (unwrap(first).elements as (EsNode | null)[]) : [];
    const settled = elements.some(
      (e) => e && unwrap(e).type === "CallExpression" && calleePath(unwrap(e).callee as EsNode) === "Promise.resolve",
    );
    if (first && unwrap(first).type === "ArrayExpression" && !settled) {
      facts.racedCalls.race(node, elements);
      for (const element of unwrap(first).elements as (EsNode | null)[]) {
        if (element) facts.raceElements.push(span(element));
        if (element && unwrap(element).type === "Identifier") facts.racedNames.add(unwrap(element).name as string);
      }
    }
  }
}

/**
 * `try { needle.defaults({ timeout: 1200 }); done(new Error("expected to throw")) } catch (e) { ... }`:
 * a try block that fails the test when it gets past its calls expects them to throw on their input.
 */
export function collectExpectedFailure(facts: TestFacts, node: EsNode): void {
  const body = ((node.block as EsNode).body as EsNode[]) ?? [];
  const handler = node.handler as EsNode | null;
  const last = body.at(-1);
  if (!handler || body.length < 2 || !last || /time[ds]?\s*-?_?out/i.test(facts.text(handler))) return;
  // An `await` (or a co-style `yield`) in the block may wait before it throws; a synchronous throw started nothing.
  if (/\b(await|yield)\b/.test(facts.source.slice(span(body[0]!)[0], span(last)[0]))) return;
  const fails =
    last.type === "ThrowStatement" ||
    (last.type === "ExpressionStatement" && FAILS_TEST.test(facts.text(last.expression as EsNode)));
  if (fails) pushAssertionRange(facts, [span(body[0]!)[0], span(last)[0]]);
}

/**
 * `waitUntilUsed({ port: "hello", timeOutMs: 2000 }).then(() => done(new Error("unexpectedly successful")), (err) => {
 * if (err.message === "invalid port: 'hello'") done() })`: an operation the test fails on success and expects to
 * reject with a validation error was refused its input, like a `try` that fails the test when it gets past the call.
 */
export function collectRefusedPromise(facts: TestFacts, node: EsNode): void {
  const callee = unwrap(node.callee as EsNode);
  const [onFulfilled, onRejected] = node.arguments as EsNode[];
  if (callee.type !== "MemberExpression" || memberName(callee) !== "then" || !onFulfilled || !onRejected) return;
  const operation = unwrap(callee.object as EsNode);
  if (operation.type !== "CallExpression" || !isFunction(onFulfilled) || !isFunction(onRejected)) return;
  if (!FAILS_ON_SUCCESS.test(facts.text(onFulfilled)) || !VALIDATION_ERROR.test(facts.text(onRejected))) return;
  for (const arg of operation.arguments as EsNode[]) pushAssertionRange(facts, span(arg));
}

/** A callback that fails the test: `done(new Error(...))`, `assert.fail(...)`. */
const FAILS_ON_SUCCESS = /\b(done|cb|callback|next)\s*\(\s*new \w*Error\b|\b(assert|t|expect)\.fail\s*\(/;

/** Keeps the assertion ranges merged and in document order (they arrive in pre-order). */
function pushAssertionRange(facts: TestFacts, [start, end]: [number, number]): void {
  const last = facts.assertionRanges.at(-1);
  // Pre-order: an assertion nested in another's arguments lies inside the range already kept.
  if (last && start < last[1]) last[1] = Math.max(last[1], end);
  else facts.assertionRanges.push([start, end]);
}
