// The context object a test framework hands each test's callback (`t` in tape, tap, AVA, brittle), whose own
// methods set the test's timeout: `t.timeoutAfter(ms)` (tape), `t.timeout(ms)` (AVA, brittle), `t.setTimeout(ms)`
// (tap). Known by where the object comes from, not by its name (`assert.timeoutAfter(2000)`, `st.timeoutAfter(1)`).
import { calleePath, type EsNode, isFunction, span, unwrap } from "./ast.ts";

/** A test context's methods that set the test's own timeout. */
export const CONTEXT_TIMEOUTS = /^(timeoutAfter|timeout|setTimeout)$/;

/** Modules whose test functions hand each test a context: tape and its wrappers, tap, AVA, brittle, node:test. */
const CONTEXT_MODULES = /^(tape(-[\w-]+)?|tap|ava|brittle|test)(\.|$)/;

/**
 * Calls that register a test by their shape, whatever module they come from: `test(name, fn)`, `tape(name, fn)`,
 * a harness's `test` (`var test = tape.createHarness()`), a subtest (`t.test(name, fn)`), `test.serial(name, fn)`.
 */
const TEST_REGISTRATION = /(^|\.)(test|tape)(\.(only|skip|serial|todo|failing|cb))*$/;

export class TestContexts {
  /** The first parameter of each test's callback, with the callback's [start, end). */
  private readonly contexts: { name: string; from: number; to: number }[] = [];
  /**
   * The parameters of a callback given with a title to any call (`allocCluster.test(name, opts, function t(cluster,
   * assert) {...})`, `testRingpopCluster(opts, name, function t(bootRes, cluster, assert) {...})`): a test helper may
   * hand tape's context on as any of them.
   */
  private readonly handed: { names: string[]; from: number; to: number }[] = [];

  /** `test("...", (t) => { ... })`: `t` is a test context inside the callback. `module` resolves imports. */
  call(node: EsNode, module: (path: string) => string | undefined): void {
    const args = node.arguments as EsNode[];
    const last = args.at(-1);
    if (args.length < 2 || !last || !isFunction(last)) return;
    const path = calleePath(node.callee as EsNode);
    if (path === undefined) return;
    if (args.some(isTitle)) {
      const params = (unwrap(last).params as EsNode[] | undefined) ?? [];
      const names = params.filter((p) => p.type === "Identifier").map((p) => p.name as string);
      const [from, to] = span(last);
      if (names.length > 0) this.handed.push({ names, from, to });
    }
    if (!TEST_REGISTRATION.test(path) && !CONTEXT_MODULES.test(module(path) ?? "")) return;
    const first = (unwrap(last).params as EsNode[] | undefined)?.[0];
    if (first?.type !== "Identifier") return;
    const [from, to] = span(last);
    this.contexts.push({ name: first.name as string, from, to });
  }

  /** `assert.timeoutAfter(50)`: tape's own method on a parameter of a callback given with a title (see `handed`). */
  handedTimeout(method: string | undefined, name: string, at: number): boolean {
    return (
      method === "timeoutAfter" &&
      this.handed.some((callback) => callback.names.includes(name) && callback.from <= at && at < callback.to)
    );
  }

  /** Whether `name`, used at `at`, is a test's context. */
  has(name: string, at: number): boolean {
    return this.contexts.some((context) => context.name === name && context.from <= at && at < context.to);
  }
}

/** A test's title: a string or a template. */
function isTitle(arg: EsNode): boolean {
  const value = unwrap(arg);
  return (value.type === "Literal" && typeof value.value === "string") || value.type === "TemplateLiteral";
}
