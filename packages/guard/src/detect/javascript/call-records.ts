// A test's value that the test itself shows reaching a double: `query.call(conn, { sql, timeout: 234 })` with
// `stubBaseQuery.should.have.been.calledWith({ sql, timeout: 234 })`, a config `{ connectTimeoutMS: 3600000 }` with
// `expect(MongoClient.connect).toHaveBeenCalledWith(url, { connectTimeoutMS: 3600000 })`. The call record says the
// code under test handed that key's value to a stub, spy or mock, which waits on nothing.
import { calleePath, type EsNode, propertyName, referenceName, span, unwrap } from "./ast.ts";
import { isTestFile } from "./scripted-abort.ts";

/** sinon's and sinon-chai's, jest's and vitest's expected calls: `calledWith`, `toHaveBeenCalledWith`, `toBeCalledWith`. */
const EXPECTED_CALL =
  /^(calledWith\w*|calledOnceWith\w*|alwaysCalledWith\w*|toHaveBeenCalledWith|toHaveBeenLastCalledWith|toHaveBeenNthCalledWith|toBeCalledWith|lastCalledWith|nthCalledWith)$/;

/** Comparisons (`expect(x).toEqual(y)`, `assert.deepEqual(x, y)`) that count only when they read a call record. */
const COMPARISON = /^(toEqual|toStrictEqual|toMatchObject|deepEqual|deepStrictEqual|eql|equal)$/;

/** What a comparison compares when it reads a double's call record: `stub.args[0][0]`, `fn.mock.calls[0]`, `spy.firstCall.args`. */
const RECORD_READ = /\.(mock\.calls|args|firstCall|secondCall|thirdCall|lastCall|getCall\s*\(|callArgs|lastArg)\b/;

/** Argument matchers: `sinon.match(...)`, `expect.objectContaining(...)`. */
const MATCHER = /^(sinon\.match|expect\.objectContaining|match)$/;

export class CallRecords {
  /** `key\0literal` of every property with a number literal in an expected call's arguments. */
  private readonly pairs = new Set<string>();
  private testFile: boolean | undefined;

  constructor(private readonly source: string) {}

  /** An expected call of a double, or a comparison reading one's call record: the key/value pairs it expects. */
  call(node: EsNode): void {
    const callee = unwrap(node.callee as EsNode);
    const name = referenceName(callee);
    if (name === undefined) return;
    const args = node.arguments as EsNode[];
    const expected = EXPECTED_CALL.test(name);
    if (!expected && !COMPARISON.test(name)) return;
    // The subject: `expect(subject).toHaveBeenCalledWith`, `stub.calledWith`, `sinon.assert.calledWith(stub, ...)`.
    const subject = this.source.slice(...span(callee)) + (args[0] ? this.source.slice(...span(args[0])) : "");
    if (!expected && !RECORD_READ.test(subject)) return;
    for (const arg of args) this.collect(arg, 0);
  }

  /**
   * Whether `site` is a test's `key: <number>` whose pair an expected call of a double in the file repeats: the
   * value reached the double. Only in a test file.
   */
  recorded(site: EsNode | undefined, value: EsNode): boolean {
    if (this.pairs.size === 0 || site?.type !== "Property" || unwrap(site.value as EsNode) !== value) return false;
    const key = propertyName(site);
    if (key === undefined || value.type !== "Literal" || !this.pairs.has(`${key}\0${this.text(value)}`)) return false;
    this.testFile ??= isTestFile(this.source);
    return this.testFile;
  }

  private collect(raw: EsNode, depth: number): void {
    const node = unwrap(raw);
    if (depth > 3) return;
    if (node.type === "ArrayExpression")
      for (const element of node.elements as (EsNode | null)[]) if (element) this.collect(element, depth + 1);
    // `sinon.match({ timeout: 234 })`, `expect.objectContaining({ timeout: 234 })`: a matcher of the argument.
    if (node.type === "CallExpression" && MATCHER.test(calleePath(node.callee as EsNode) ?? ""))
      for (const arg of node.arguments as EsNode[]) this.collect(arg, depth + 1);
    if (node.type !== "ObjectExpression") return;
    for (const property of node.properties as EsNode[]) {
      if (property.type !== "Property") continue;
      const value = unwrap(property.value as EsNode);
      const key = propertyName(property);
      if (value.type === "Literal" && typeof value.value === "number" && key !== undefined)
        this.pairs.add(`${key}\0${this.text(value)}`);
      else this.collect(value, depth + 1);
    }
  }

  private text(node: EsNode): string {
    return this.source.slice(...span(node)).replace(/_/g, "");
  }
}
