// Clocks a test builds and moves by hand (`var timers = TimeMock(Date.now())`, `makeTimersMock()`,
// `FakeTimers.createClock()`) and hands to the code under test: durations in a test that uses one are
// measured on it, not in real time. Unlike `useFakeTimers()`, nothing global is replaced, so the scope is
// where the clock is used: each test that names it (`allocCluster.test("...", { timers: timers }, fn)`),
// or the function that makes it; tests of the same file that never name it keep real time.
import { calleePath, type EsNode, isFunction, span, unwrap } from "./ast.ts";
import type { FunctionAt } from "./no-wait.ts";

/**
 * A clock double by what its factory is called: `TimeMock`, `MockTimers`, `makeTimersMock`, `createFakeClock`,
 * `FakeTimers.createClock`, `lolex.createClock`; not `mockTimeout` or `fakeTimeoutError` (a timeout, not a clock).
 */
const CLOCK_DOUBLE =
  /(mock|fake)_?(times?|timers?|clocks?)(?![a-z])|(time|timer|clock)s?_?(mock|fake)|^lolex\.createClock$/i;

/** A call that registers a test: `test(name, fn)`, `it(...)`, `specify(...)`, a helper's `cluster.test(...)`. */
const TEST_CALL = /(^|\.)(test|it|specify)(\.(only|serial|cb))*$/;

export class MockClocks {
  /** Locals holding a clock double, with where they are declared. */
  private readonly clocks: { name: string; at: number }[] = [];
  /** Clock doubles a hook makes into a suite's variable (`clock = lolex.createClock(0)`), with where. */
  private readonly assigned: { name: string; at: number }[] = [];
  /** [start, end) of every test registration call. */
  private readonly tests: [number, number][] = [];

  constructor(private readonly source: string) {}

  /** `var timers = TimeMock(Date.now())`, `const clock = new FakeClock()`. */
  declarator(node: EsNode): void {
    const id = node.id as EsNode;
    const init = node.init ? unwrap(node.init as EsNode) : undefined;
    if (id.type !== "Identifier" || (init?.type !== "CallExpression" && init?.type !== "NewExpression")) return;
    if (CLOCK_DOUBLE.test(calleePath(init.callee as EsNode) ?? ""))
      this.clocks.push({ name: id.name as string, at: span(node)[0] });
  }

  /**
   * `clock = lolex.createClock(0); Schedule.setClock(clock);` in a `beforeEach` (@segment/localstorage-retry,
   * fresh423): the hook hands the code under test a clock the suite's tests then move (`clock.tick(timeout)`).
   */
  assignment(node: EsNode): void {
    const left = node.left as EsNode;
    const right = unwrap(node.right as EsNode);
    if (node.operator !== "=" || left.type !== "Identifier") return;
    if (right.type !== "CallExpression" && right.type !== "NewExpression") return;
    if (CLOCK_DOUBLE.test(calleePath(right.callee as EsNode) ?? ""))
      this.assigned.push({ name: left.name as string, at: span(node)[0] });
  }

  /** A test registration, once the file has made a clock (one made in a test's own function covers it anyway). */
  call(node: EsNode): void {
    if (this.clocks.length === 0 && this.assigned.length === 0) return;
    const args = node.arguments as EsNode[];
    if (!args.some((arg) => isFunction(unwrap(arg)))) return;
    if (TEST_CALL.test(calleePath(node.callee as EsNode) ?? "")) this.tests.push(span(node));
  }

  /**
   * Where durations run on a clock double: each test that hands one to the code under test, and the function (not
   * the file) that makes one and hands it on. A clock only ticked by itself (`clock.tick(200)` on a
   * `FakeTimers.createClock()` nothing else reads) moves no timer of the code: its tests keep real time.
   */
  scopes(functionAt: FunctionAt): [number, number][] {
    // Keyed by span: a test handing on a clock many tests declare under one name (`clock`) is one scope.
    const scopes = new Map<string, [number, number]>();
    const add = (scope: [number, number]) => scopes.set(`${scope[0]}:${scope[1]}`, scope);
    // Each span's code is read once for every name it hands on: a test file with a clock in each of its
    // thousands of tests stays linear (one regex per clock over every test was quadratic, and pushed each
    // test once per clock).
    const handedIn = new Map<string, Set<string>>();
    const handed = ([from, to]: [number, number]) => {
      const key = `${from}:${to}`;
      let names = handedIn.get(key);
      if (!names) handedIn.set(key, (names = handedNames(code(this.source.slice(from, to)))));
      return names;
    };
    const clockNames = new Set(this.clocks.map((clock) => clock.name));
    const testsHanding = new Map<string, [number, number][]>();
    for (const test of this.tests)
      for (const name of handed(test)) {
        if (!clockNames.has(name)) continue;
        const tests = testsHanding.get(name);
        if (tests) tests.push(test);
        else testsHanding.set(name, [test]);
      }
    for (const { name, at } of this.clocks) {
      const made = functionAt(at);
      const inFunction = made[0] !== 0 || made[1] !== this.source.length;
      if (inFunction && handed(made).has(name)) add(made);
    }
    for (const tests of testsHanding.values()) for (const test of tests) add(test);
    // A clock a hook makes and hands on: every test of the hook's suite that names it runs on it (the code under
    // test has it already). The suite is the function around the hook's own.
    for (const { name, at } of this.assigned) {
      const made = functionAt(at);
      const inFunction = made[0] !== 0 || made[1] !== this.source.length;
      if (!inFunction || !handed(made).has(name)) continue;
      const [from, to] = functionAt(made[0] - 1);
      const named = new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`);
      for (const test of this.tests)
        if (from <= test[0] && test[1] <= to && named.test(code(this.source.slice(...test)))) add(test);
    }
    return [...scopes.values()];
  }
}

/**
 * Names `text` hands on as a value: an argument or a property's value (`{ timers: timers }`, `{ clock }`,
 * `new Client(ring, timers)`): a whole identifier after `(`, `,`, `:`, `=` or `[` and before `,`, `)`, `}` or `]`.
 */
function handedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/(?<=[(,:=[]\s*)[$\p{ID_Continue}\u200c\u200d]+(?=\s*[,)}\]])/gu))
    names.add(match[0]);
  return names;
}

/** `text` without its strings and comments (a test's title may name the clock: "keeps its timers"). */
export function code(text: string): string {
  return text.replace(/(["'`])(?:\\.|(?!\1)[^\\\n])*\1|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, " ");
}
