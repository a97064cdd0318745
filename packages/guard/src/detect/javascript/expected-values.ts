// Objects a test builds only to compare or to check their fields: `const expected = { connectionTimeout: 0 }`
// used in assertions alone, `const conn = new C({ timeout: 10000 })` only read by `expect(conn.timeout)`, and
// `var transport = getTransport({ activityTimeout: 1 })` whose fields alone are checked.
import { type EsNode, span, unwrap } from "./ast.ts";

/**
 * How a block-level `const` is used, in its block: inside assertions or `expect(...)` subjects, by a call
 * on it (`conn.connect()`), by aliases (`const c = conn`).
 */
export type Uses = {
  scope: [number, number];
  all: number;
  asserted: number;
  declarations: number;
  called: number;
  aliases: Uses[];
  /** A number (`const t = 1000`): judged by where it is read, not by whether it is only asserted. */
  number: boolean;
  /** Made by a call (`getTransport(hooks, { activityTimeout })`): only its fields may be checked, not the value. */
  fromCall: boolean;
  /** Uses inside assertions of the value itself, not of one of its fields (`expect(p).rejects`). */
  bare: number;
  /** Where each use is (the declarations' own identifiers among them). */
  positions: number[];
  /** Where the declarations' own identifiers are. */
  own: number[];
  /** Uses inside an assertion's arguments (`toBeCalledWith({ timeout: t })`), not its subject (`expect(call(t))`). */
  expectedAt: number[];
};

/** Where assertions are, in document order (the test collectors fill them during the same walk). */
export interface AssertionRanges {
  readonly source: string;
  readonly assertionRanges: [number, number][];
  readonly subjectRanges: [number, number][];
}

/** Block-level `const x = { ... }`, `const conn = new C({ ... })` and their aliases, and how each is used. */
export class ExpectedValues {
  /** Each such declaration's initialiser and the uses of its name in its block. */
  readonly values: { uses: Uses; init: EsNode }[] = [];
  /** Per identifier name, per declaring block: uses, uses inside assertion arguments, calls on it. */
  private readonly identifierUses = new Map<string, Uses[]>();

  constructor(private readonly ranges: AssertionRanges) {}

  /**
   * A block-level `const name = init` (block `scope`, its identifier at `at`); `built`: a `new C(...)` in a file that
   * asserts.
   */
  declare(name: string, scope: [number, number], init: EsNode, asserts: boolean, at: number, constant = false): void {
    const value = unwrap(init);
    // `const requestTimeoutMillis = 1000` in a file that asserts: judged by where it is read (`onlyReadQuietly`).
    const number = constant && asserts && isNumber(value);
    // `const c = conn`, `var options = pusher.connection.options`: an alias of the object or of a part of it.
    const root = memberRoot(value);
    const aliasOf = root ? this.usesAt(root) : undefined;
    // `var transport = getTransport(hooks, "xxx", { activityTimeout: 654321 })` only read back: test data too.
    const made = value.type === "CallExpression" && (value.arguments as EsNode[]).some(isObject);
    const built = (value.type === "NewExpression" || made) && asserts;
    if (value.type !== "ObjectExpression" && !built && !aliasOf && !number) return;
    // Uses are counted only for these names, per block; a declaration's own identifier is one of them.
    const list = this.identifierUses.get(name) ?? [];
    let uses = list.find((u) => u.scope[0] === scope[0]);
    if (!uses) {
      uses = {
        scope,
        all: 0,
        asserted: 0,
        declarations: 0,
        called: 0,
        aliases: [],
        number,
        fromCall: false,
        bare: 0,
        positions: [],
        own: [],
        expectedAt: [],
      };
      list.push(uses);
      this.identifierUses.set(name, list);
    }
    uses.declarations += 1;
    uses.own.push(at);
    if (value.type === "CallExpression") uses.fromCall = true;
    this.values.push({ uses, init });
    if (aliasOf) aliasOf.aliases.push(uses);
  }

  /** An identifier's use, counted for the declarations above (seen before their uses, pre-order). */
  identifier(node: EsNode): void {
    const uses = this.usesAt(node);
    if (!uses) return;
    const [start, end] = span(node);
    // `pusher.connection.options`: a property named like the constant is not a use of it (a spread `...x` is).
    if (/(^|[^.])\.\s*$/.test(this.ranges.source.slice(Math.max(0, start - 8), start))) return;
    uses.all += 1;
    uses.positions.push(start);
    const inside = (range: [number, number] | undefined) =>
      range !== undefined && range[0] <= start && start < range[1];
    if (inside(this.ranges.assertionRanges.at(-1))) uses.expectedAt.push(start);
    if (inside(this.ranges.assertionRanges.at(-1)) || inside(this.ranges.subjectRanges.at(-1))) {
      uses.asserted += 1;
      if (!/^\s*(\?\.|\.|\[)/.test(this.ranges.source.slice(end, end + 20))) uses.bare += 1;
    }
    // `conn.connect(...)`, even inside an assertion: the object does something, it may wait. Not should.js's or chai's
    // chain off a plain member (`agent.connectOpts.should.have.property("timeout", 3210)`): the call is the assertion.
    const after = this.ranges.source.slice(end, end + 200);
    if (CALLED.test(after) && !SHOULD_CHAIN.test(after)) uses.called += 1;
  }

  /** The uses of the block-level `const` an identifier names: the innermost block around it that declares it. */
  private usesAt(node: EsNode): Uses | undefined {
    const list = this.identifierUses.get(node.name as string);
    if (!list) return undefined;
    const [at] = span(node);
    let best: Uses | undefined;
    for (const uses of list)
      if (uses.scope[0] <= at && at < uses.scope[1] && (!best || uses.scope[0] > best.scope[0])) best = uses;
    return best;
  }
}

/** The identifier a plain member chain starts from (`pusher` in `pusher.connection.options`), or the identifier itself. */
function memberRoot(node: EsNode): EsNode | undefined {
  let current = node;
  for (let depth = 0; current.type === "MemberExpression" && depth < 8; depth++)
    current = unwrap(current.object as EsNode);
  return current.type === "Identifier" ? current : undefined;
}

function isNumber(node: EsNode): boolean {
  return node.type === "Literal" && typeof node.value === "number";
}

function isObject(node: EsNode): boolean {
  return unwrap(node).type === "ObjectExpression";
}

/** Right after a name: plain members up to `.should.` (`agent.proxy.should.have`), no call before it. */
const SHOULD_CHAIN = /^(\s*(\?\.|\.)\s*[\w$#]+)*?\s*\.\s*should\s*\./;

/** Right after a name: a call on it or on one of its members (`conn.connect(`, `client?.get(`). */
const CALLED = /^\s*((\?\.|\.)\s*[\w$#]+\s*)*(\?\.)?\(/;

/** Whether a `const` (and every alias of it) is used only inside assertions, never called on, at least once. */
export function onlyAsserted(uses: Uses, depth = 0): boolean {
  // A number read in `expect(call(t))` may be waited on by the call: numbers are `onlyReadQuietly`'s.
  if (uses.number) return false;
  if (uses.called > 0 || depth > 3 || (uses.fromCall && uses.bare > 0)) return false;
  if (uses.all - uses.declarations - uses.aliases.length !== uses.asserted) return false;
  if (!uses.aliases.every((alias) => onlyAsserted(alias, depth + 1))) return false;
  return uses.asserted > 0 || uses.aliases.some((alias) => alias.asserted > 0);
}

/**
 * `const OPTS = { timeout: 5 }` (a module's or a suite's) read only inside tests that end without waiting and keep what
 * they build to themselves (`sync-tests.ts`): `getProxyAgent(url, { ...OPTS })` then `expect(agent.connectOpts)...`.
 * Nothing waits on what such tests build, so nothing waits on the object. Not an alias's source, not a value made by
 * a call (it runs when the module loads, outside any test), and at least one read.
 */
export function onlyInSyncTests(uses: Uses, init: EsNode, inSync: (at: number) => boolean): boolean {
  if (unwrap(init).type !== "ObjectExpression" || uses.aliases.length > 0) return false;
  const reads = uses.positions.filter((at) => !uses.own.includes(at));
  return reads.length > 0 && reads.every(inSync);
}

/**
 * `const requestTimeoutMillis = 1000` in a test, read only where nothing waits (`quiet`: the objects a test with a
 * mocked transport hands the code under test, a fake clock's scope) or inside assertions
 * (`expect(axios.request).toBeCalledWith({ timeout: requestTimeoutMillis })`): nothing waits on the number either.
 * At least one quiet read: a number only compared is not known to be unused (`expect(await call(t))` waits).
 */
export function onlyReadQuietly(uses: Uses, quiet: (at: number) => boolean): boolean {
  if (!uses.number || uses.aliases.length > 0 || uses.declarations > 1) return false;
  const reads = uses.positions.filter((at) => !uses.own.includes(at));
  return reads.some(quiet) && reads.every((at) => quiet(at) || uses.expectedAt.includes(at));
}
