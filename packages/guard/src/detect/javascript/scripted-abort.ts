// A test's timer that aborts, destroys or cancels the operation the test then checks (`setTimeout(() =>
// controller.abort(), 200)` followed by `AbortError` assertions) is the action under test: its delay is
// choreography, not a deadline. A watchdog that fails the test is still a deadline.
import { callsTestRunner } from "../runner-calls.ts";
import { type EsNode, memberName, span, unwrap } from "./ast.ts";

/** Whether `source` calls a test runner with a title (`callsTestRunner`): only a test file scripts aborts (`scriptedAbort`). */
export function isTestFile(source: string): boolean {
  return callsTestRunner(source);
}

/** A callback that fails the test (a watchdog), not a scripted action. */
const WATCHDOG =
  /mustNotCall|\b(assert|t|expect|chai\.assert)\.fail\s*\(|\b(done|cb|callback|next)\s*\(\s*new \w*Error\b|\breject\s*\(/;

/** A failure callback handed to the timer by name (`setTimeout(reject, 100)`): it fails the test when called. */
const SETTLES_AS_FAILURE = /^(reject|fail)$/;

/**
 * `catch (err) { reject(err) }` around the abort: the abort's own failure handed on, not a watchdog that fails the test
 * when the timer fires.
 */
const FORWARDED_CATCH = /\bcatch\s*\(\s*([\w$]+)\s*\)\s*\{\s*(reject|done|cb|callback|next)\s*\(\s*\1\s*\)\s*;?\s*\}/g;

/** What a test says it expects of an abort: the error it gets, the flag it reads, its cancel event. */
const EXPECTS_ABORT =
  /Abort(ed)?Error|ABORT_ERR|ECONNRESET|ECONNABORTED|\baborted\b|\bcancell?ed\b|['"`](abort|cancel)['"`]/;

/**
 * A failure handed to the test's callback on the abort's error: `done(err.code === "ECONNRESET" ? new Error("...") :
 * err)`, `reject(aborted ? new TimeoutError() : err)`. The abort is how the test fails (a watchdog), so its error named
 * there says nothing of an abort the test expects (review 17 item 4).
 */
const FAILS_ON_ABORT =
  /\b(done|cb|callback|next|reject)\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*?\bnew \w*Error\b(?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)/g;

/**
 * Whether `timer` (`setTimeout(() => req.destroy(), 50)`), in a test file (`isTestFile`), is a test's scripted abort: the test around it checks the
 * abort (`ABORT_ERR`, `AbortError`, `aborted`) and the callback (or the file's function it names, in `definitions`)
 * fails nothing. `enclosing`: the functions around the timer, innermost first. `callback`: the timer's callback, its
 * first argument unless given (`req.setTimeout(1, () => req.abort())` takes its listener second).
 */
export function scriptedAbort(
  source: string,
  definitions: ReadonlyMap<string, readonly EsNode[]>,
  timer: EsNode,
  enclosing: readonly [number, number][],
  callback: EsNode | undefined = (timer.arguments as EsNode[])[0],
): boolean {
  if (!callback) return false;
  const [from, to] = span(callback);
  if (WATCHDOG.test(source.slice(from, to).replace(FORWARDED_CATCH, ""))) return false;
  // `setTimeout(reject, 100)` in a promise the test returns: the executor's reject itself, called when the timer
  // fires, fails the test (a watchdog), whatever the tests around it abort.
  if (unwrap(callback).type === "Identifier" && SETTLES_AS_FAILURE.test(unwrap(callback).name as string)) return false;
  // The named callback's own body (`function abort() { cancel.abort() }`) is part of what it does.
  const named = unwrap(callback).type === "Identifier" ? definitions.get(unwrap(callback).name as string) : undefined;
  if (named?.some((fn) => WATCHDOG.test(source.slice(...span(fn))))) return false;
  // The functions around the timer (innermost first, up to the test's own callback) say what the test expects.
  return expectsAbort(source, [from, to], enclosing.slice(0, 3));
}

/**
 * Whether one of the spans `around` (less the action `[from, to)` itself) says the test expects an abort
 * (`EXPECTS_ABORT`), not counting a failure the test hands on when the abort comes (`FAILS_ON_ABORT`).
 */
export function expectsAbort(
  source: string,
  [from, to]: [number, number],
  around: readonly [number, number][],
): boolean {
  return around.some(([start, end]) =>
    EXPECTS_ABORT.test((source.slice(start, from) + source.slice(to, end)).replace(FAILS_ON_ABORT, "")),
  );
}

/** Calls that deliver an event to whoever listens: `emitter.emit("timeout")`, `el.dispatchEvent(new Event("x"))`. */
const EMITS = /^(emit|dispatchEvent)$/;

/** A test file that replaces modules with mocks: `jest.mock("@splitsoftware/splitio", () => ...)`, `vi.mock(...)`. */
const MOCKS_MODULES = /\b(jest|vi)\.(do)?[mM]ock\s*\(/;

/** Whether `source` replaces modules with mocks (`MOCKS_MODULES`): the objects its tests drive are the mocks'. */
export function mocksModules(source: string): boolean {
  return MOCKS_MODULES.test(source);
}

/** The leftmost name of an emit's receiver: `sdk` for `sdk.client().__emitter__`, `query` for `query`. */
function receiverRoot(raw: EsNode): string | undefined {
  let node = unwrap(raw);
  for (let depth = 0; depth < 16; depth++) {
    if (node.type === "Identifier") return node.name as string;
    if (node.type === "MemberExpression") node = unwrap(node.object as EsNode);
    else if (node.type === "CallExpression") node = unwrap(node.callee as EsNode);
    else return undefined;
  }
  return undefined;
}

/** A value made in the test to stand in for a real one: `new EventEmitter()`, `jest.fn()`, `vi.fn()`, `mockSdk()`. */
const STAND_IN = /^\s*(new\s+(\w+\.)?EventEmitter\b|(jest|vi)\.fn\b|mock\w*\s*\()/;

/** The modules a test replaces with mocks: `jest.mock("./sdk", ...)`, `vi.mock("../src/client")`. */
function mockedModules(source: string): string[] {
  return [...source.matchAll(/\b(?:jest|vi)\.(?:do)?[mM]ock\s*\(\s*['"`]([^'"`]+)['"`]/g)].map((m) => m[1]!);
}

/**
 * Whether the file shows `name` to be a mock's object: named for one (`mockClient`), made in the test as a stand-in
 * (`STAND_IN`), or imported from a module the test mocks (`import { client } from "./sdk"` with `jest.mock("./sdk")`).
 * `const server = net.createServer()` is a real server: its emitted "timeout" is the test's deadline.
 */
function isStandIn(name: string, source: string): boolean {
  if (/mock/i.test(name)) return true;
  const escaped = name.replace(/\$/g, "\\$");
  for (const m of source.matchAll(new RegExp(`\\b${escaped}\\s*=(?!=)`, "g")))
    if (STAND_IN.test(source.slice(m.index + m[0].length, m.index + m[0].length + 80))) return true;
  return mockedModules(source).some((module) => {
    const quoted = module.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    const from = new RegExp(`\\b${escaped}\\b[^;\\n]*(from|require\\s*\\()\\s*['"\`]${quoted}['"\`]`);
    return from.test(source);
  });
}

/**
 * Whether a timer's callback, written at the timer, only emits events on a mock (`setTimeout(() =>
 * mockClient().__emitter__.emit(Event.SDK_READY_TIMED_OUT), 100)`, `query.emit("timeout")` on a `new EventEmitter()`
 * of the test): in a test of a mocked module (`mocksModules`), the mock's event the code under test then reacts to,
 * scripted after a delay. The code under test waits; the timer bounds nothing of its own. An emit on a real object
 * (`server.emit("timeout")` on `net.createServer()`) stays a deadline, mocked modules or not.
 */
export function onlyEmits(raw: EsNode, source: string): boolean {
  const fn = unwrap(raw);
  if (fn.type !== "ArrowFunctionExpression" && fn.type !== "FunctionExpression") return false;
  const body = fn.body as EsNode;
  const statements = body.type === "BlockStatement" ? (body.body as EsNode[]) : [body];
  return (
    statements.length > 0 &&
    statements.every((raw) => {
      const node = unwrap(raw.type === "ExpressionStatement" ? (raw.expression as EsNode) : raw);
      const callee = node.type === "CallExpression" ? unwrap(node.callee as EsNode) : undefined;
      if (callee?.type !== "MemberExpression" || !EMITS.test(memberName(callee) ?? "")) return false;
      const root = receiverRoot(callee.object as EsNode);
      return root !== undefined && isStandIn(root, source);
    })
  );
}
