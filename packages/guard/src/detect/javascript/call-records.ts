// A test's value that the test itself shows reaching a double: `query.call(conn, { sql, timeout: 234 })` with
// `stubBaseQuery.should.have.been.calledWith({ sql, timeout: 234 })`, a config `{ connectTimeoutMS: 3600000 }` with
// `expect(MongoClient.connect).toHaveBeenCalledWith(url, { connectTimeoutMS: 3600000 })`. The call record says the
// code under test handed that key's value to a double that does not call through, which waits on nothing. Only the
// same test's expected call counts (or a literal of no test, a file-level fixture), and only of a double: a
// `jest.spyOn` / `sinon.spy(obj, m)` that calls through hands the value to the real function (review 17 item 1).
import { calleePath, type EsNode, propertyName, referenceName, span, unwrap } from "./ast.ts";
import { isTestFile } from "./scripted-abort.ts";

/** sinon's and sinon-chai's, jest's and vitest's expected calls: `calledWith`, `toHaveBeenCalledWith`, `toBeCalledWith`. */
const EXPECTED_CALL =
  /^(calledWith\w*|calledOnceWith\w*|alwaysCalledWith\w*|toHaveBeenCalledWith|toHaveBeenLastCalledWith|toHaveBeenNthCalledWith|toBeCalledWith|lastCalledWith|nthCalledWith)$/;

/** Comparisons (`expect(x).toEqual(y)`, `assert.deepEqual(x, y)`) that count only when they read a call record. */
const COMPARISON = /^(toEqual|toStrictEqual|toMatchObject|deepEqual|deepStrictEqual|eql|equal)$/;

/** What a comparison compares when it reads a double's call record: `stub.args[0][0]`, `fn.mock.calls[0]`, `spy.firstCall.args`. */
const RECORD_READ = /\.(mock\.calls|args|firstCall|secondCall|thirdCall|lastCall|getCall\s*\(|callArgs|lastArg)\b/;

/** The test runners' test calls: an expected call speaks for the test it sits in. */
const TEST_CALL = /^(it|test|specify)(\.(only|skip|concurrent|serial|failing))?$/;

/** Assertion libraries whose first argument is the subject: `sinon.assert.calledWith(stub, ...)`, `assert.deepEqual(x, y)`. */
const ASSERT_ROOT = /^(assert|sinon|t|chai|tap|expect|should)$/;

/** A double that replaces what it stands for: `jest.fn()`, `sinon.stub()`, `sinon.fake()`, a stub of a method. */
const DOUBLE = /^(?:[\w$]+\.)*(?:fn|stub|fake|createStubInstance|mock)\s*\(|^(?:[\w$]+\.)?spyOn\s*\(/;

/** A spy that calls through: jest's and vitest's `spyOn`, `sinon.spy(obj, m)` / `sinon.spy(fn)`, jasmine's `.and.callThrough()`. */
const CALL_THROUGH = /^(?:jest|vi)\.spyOn\s*\(|^(?:[\w$]+\.)?spy\s*\(\s*[^)\s]|\.and\.callThrough\s*\(/;

/** A behaviour of its own given to a spy: it no longer calls through. */
const REPLACED =
  /\.\s*(mock(Implementation|ReturnValue|ResolvedValue|RejectedValue)\w*|callsFake|returns|resolves|rejects|throws|and\.(returnValue|callFake|resolveTo|rejectWith|throwError))\s*\(/;

/** Argument matchers: `sinon.match(...)`, `expect.objectContaining(...)`. */
const MATCHER = /^(sinon\.match|expect\.objectContaining|match)$/;

export class CallRecords {
  /** `key\0literal` of every property with a number literal in an expected call's arguments: the tests they sit in. */
  private readonly pairs = new Map<string, ([number, number] | undefined)[]>();
  /** Spans of the file's test calls (`it("...", fn)`), in document order. */
  private readonly tests: [number, number][] = [];
  private testFile: boolean | undefined;

  /** Per root path: where the file makes or spies on it (in source order), and whether it replaces it. */
  private readonly makings = new Map<string, { makings: RegExpExecArray[]; replaced: boolean }>();

  constructor(private readonly source: string) {}

  /**
   * Scanned once per path: a test bundle asks about the same few roots for thousands of assertions, and each scan
   * reads the whole file (@triply/tus-js-client's 1.14 MB `browser-test-bundle.js` took over half an hour, fresh130).
   * A making starts where a name starts (`(?<![\w$])`): tried inside every run of word characters, the optional
   * `receiver.` prefix cost a run's length at each of its characters.
   */
  private makingsOf(path: string): { makings: RegExpExecArray[]; replaced: boolean } {
    let known = this.makings.get(path);
    if (!known) this.makings.set(path, (known = this.scan(path)));
    return known;
  }

  /** One read of the whole file for `path`'s makings (`makingsOf` asks once per path). */
  private scan(path: string): { makings: RegExpExecArray[]; replaced: boolean } {
    const dot = path.lastIndexOf(".");
    const makings = [
      ...this.source.matchAll(
        new RegExp(`(?<![\\w$.])${escape(path)}\\s*=\\s*(?:await\\s+)?((?:[^;\\n]|\\n\\s*\\.)*)`, "g"),
      ),
      ...(dot > 0
        ? this.source.matchAll(
            new RegExp(
              `(?<![\\w$])((?:[\\w$]+\\.)?(?:spyOn|spy|stub)\\s*\\(\\s*${escape(path.slice(0, dot))}\\s*,\\s*['"\`]${escape(path.slice(dot + 1))}['"\`]\\s*\\)(?:[^;\\n]|\\n\\s*\\.)*)`,
              "g",
            ),
          )
        : []),
    ].sort((a, b) => a.index - b.index);
    const replaced = new RegExp(`(?<![\\w$.])${escape(path)}${REPLACED.source}`).test(this.source);
    return { makings, replaced };
  }

  /** An expected call of a double, or a comparison reading one's call record: the key/value pairs it expects. */
  call(node: EsNode): void {
    const callee = unwrap(node.callee as EsNode);
    if (TEST_CALL.test(calleePath(callee) ?? "")) this.tests.push(span(node));
    const name = referenceName(callee);
    if (name === undefined) return;
    const args = node.arguments as EsNode[];
    const expected = EXPECTED_CALL.test(name);
    if (!expected && !COMPARISON.test(name)) return;
    // The subject: `expect(subject).toHaveBeenCalledWith`, `stub.calledWith`, `sinon.assert.calledWith(stub, ...)`.
    const subject = subjectOf(callee, args);
    const text = subject && this.source.slice(...span(subject));
    if (!text || (!expected && !RECORD_READ.test(text)) || !this.isDouble(subject!, text, span(node)[0])) return;
    const test = this.testAt(span(node)[0]);
    for (const arg of args) this.collect(arg, 0, test);
  }

  /**
   * Whether `site` is a test's `key: <number>` whose pair an expected call of a double in the file repeats: the
   * value reached the double. Only in a test file.
   */
  recorded(site: EsNode | undefined, value: EsNode): boolean {
    if (this.pairs.size === 0 || site?.type !== "Property" || unwrap(site.value as EsNode) !== value) return false;
    const key = propertyName(site);
    if (key === undefined || value.type !== "Literal") return false;
    const tests = this.pairs.get(`${key}\0${this.text(value)}`);
    // The same test's expected call, or a literal of no test (a fixture at file level any test hands on).
    const test = this.testAt(span(value)[0]);
    if (!tests || (test !== undefined && !tests.includes(test))) return false;
    this.testFile ??= isTestFile(this.source);
    return this.testFile;
  }

  /** The innermost test call around `at`, as the span object `tests` holds. */
  private testAt(at: number): [number, number] | undefined {
    let inner: [number, number] | undefined;
    for (const test of this.tests)
      if (test[0] <= at && at < test[1] && (!inner || test[1] - test[0] < inner[1] - inner[0])) inner = test;
    return inner;
  }

  /**
   * Whether the subject's root is a double made in the file that does not call through: `send = jest.fn()`,
   * `stub = sinon.stub()`, `spy = jest.spyOn(a, "b").mockResolvedValue(x)`, `expect(a.b)` after `sinon.stub(a, "b")`.
   * A root the file does not make (a module `jest.mock` replaced, a parameter) counts unless the file spies on it
   * with call-through; a call's result (`parse(argv).args`) is no double. The name's last making before `at` counts.
   */
  private isDouble(subject: EsNode, text: string, at: number): boolean {
    const root = rootOf(subject);
    let double = root !== undefined;
    if (root !== undefined) {
      const path = calleePath(root) ?? "";
      const { makings, replaced } = this.makingsOf(path);
      const made = makings
        .filter((match) => match.index < at)
        .slice(-1)
        .map((match) => match[1]!);
      if (made.some((rhs) => CALL_THROUGH.test(rhs) && !REPLACED.test(rhs)) && !replaced) double = false;
      // `.args` and `.lastArg` are any object's: only a double the file makes has them as a call record.
      else if (/\.(args|callArgs|lastArg)\b/.test(text) && !made.some((rhs) => DOUBLE.test(rhs))) double = false;
    }
    return double;
  }

  private collect(raw: EsNode, depth: number, test: [number, number] | undefined): void {
    const node = unwrap(raw);
    if (depth > 3) return;
    if (node.type === "ArrayExpression")
      for (const element of node.elements as (EsNode | null)[]) if (element) this.collect(element, depth + 1, test);
    // `sinon.match({ timeout: 234 })`, `expect.objectContaining({ timeout: 234 })`: a matcher of the argument.
    if (node.type === "CallExpression" && MATCHER.test(calleePath(node.callee as EsNode) ?? ""))
      for (const arg of node.arguments as EsNode[]) this.collect(arg, depth + 1, test);
    if (node.type !== "ObjectExpression") return;
    for (const property of node.properties as EsNode[]) {
      if (property.type !== "Property") continue;
      const value = unwrap(property.value as EsNode);
      const key = propertyName(property);
      if (value.type === "Literal" && typeof value.value === "number" && key !== undefined) {
        const pair = `${key}\0${this.text(value)}`;
        this.pairs.set(pair, [...(this.pairs.get(pair) ?? []), test]);
      } else this.collect(value, depth + 1, test);
    }
  }

  private text(node: EsNode): string {
    return this.source.slice(...span(node)).replace(/_/g, "");
  }
}

/** What an expected call or comparison is about: `expect(S).toEqual`, `S.should.have.been.calledWith`, `assert.deepEqual(S, ...)`. */
function subjectOf(callee: EsNode, args: EsNode[]): EsNode | undefined {
  if (callee.type !== "MemberExpression") return args[0];
  let current = unwrap(callee.object as EsNode);
  while (current.type === "MemberExpression") {
    // `stub.should.have.been.calledWith`: should.js / chai's `should` hangs off the subject.
    if (referenceName(current) === "should") return unwrap(current.object as EsNode);
    current = unwrap(current.object as EsNode);
  }
  if (current.type === "CallExpression" && /^(chai\.)?expect$/.test(calleePath(current.callee as EsNode) ?? ""))
    return (current.arguments as EsNode[])[0];
  if (current.type === "Identifier" && ASSERT_ROOT.test(current.name as string)) return args[0];
  return unwrap(callee.object as EsNode);
}

/** The named double a subject reads: `send` of `send.mock.calls[0]`, `a.b` of `a.b.getCall(0).args`; undefined for a call's result. */
function rootOf(subject: EsNode): EsNode | undefined {
  let current = unwrap(subject);
  for (;;) {
    if (current.type === "CallExpression") {
      const callee = unwrap(current.callee as EsNode);
      const path = calleePath(callee) ?? "";
      // `vi.mocked(fn)`, `jest.mocked(fn)`: the double itself, typed.
      if (/^((jest|vi)\.)?mocked$/.test(path)) current = unwrap((current.arguments as EsNode[])[0] ?? callee);
      else if (
        callee.type === "MemberExpression" &&
        /^(getCall|withArgs|getCalls|calledWith)$/.test(referenceName(callee) ?? "")
      )
        current = unwrap(callee.object as EsNode);
      else return undefined;
    } else if (
      current.type === "MemberExpression" &&
      (current.computed ||
        /^(mock|calls|args|firstCall|secondCall|thirdCall|lastCall|callArgs|lastArg)$/.test(
          referenceName(current) ?? "",
        ))
    )
      current = unwrap(current.object as EsNode);
    else return calleePath(current) === undefined ? undefined : current;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
