// What tests say about values: assertions, type tests, calls expected to fail.
import { type EsNode, unwrap } from "./ast.ts";

/** `expect(x).toThrow()`, `.rejects.toThrow(...)`, chai's `expect(fn).to.throw()`: the subject is expected to fail. */
export const EXPECTS_FAILURE =
  /^<call>(\.(not|rejects|to|be|eventually))*\.(toThrow\w*|throw|throws|rejected\w*)$|^<call>\.rejects\./;

/** The last statement of a try block that fails the test when reached: `done(new Error(...))`, `assert.fail()`. */
export const FAILS_TEST =
  /^((done|cb|callback|next)\s*\(\s*new \w*Error\b|(assert|t|expect|chai\.assert|should)\.fail\s*\(|assert\s*\(\s*false\b)/;

export const ASSERTION_METHODS =
  /(^|\.)(deepStrictEqual|notDeepStrictEqual|partialDeepStrictEqual|deepEqual|notDeepEqual|strictEqual|notStrictEqual|same|strictSame|notSame|toEqual|toStrictEqual|toMatchObject|toHaveBeenCalledWith|toHaveBeenLastCalledWith|toHaveProperty|toThrow|throws|rejects|doesNotThrow|doesNotReject|calledWith|calledWithMatch)$/;

/** `assert.deepStrictEqual(...)`, `t.assert.throws(...)`, `expect(x).toEqual(...)`, `assert.equal(...)`, `assert(...)`. */
export function isAssertion(path: string): boolean {
  if (ASSERTION_METHODS.test(path) || /^expect(Type|NotType|Assignable|NotAssignable|Error|Deprecated)$/.test(path))
    return true;
  return /^(assert|t\.assert|assert\.strict)$/.test(path) || /(^|\.)assert\.(equal|ok|match|notEqual)$/.test(path);
}

/** The `expect(subject)` call at the root of a tstyche chain (`expect(x).type.toBe<T>()`). */
export function typeTestSubject(node: EsNode): EsNode | undefined {
  let current = unwrap(node.callee as EsNode);
  while (current.type === "MemberExpression") current = unwrap(current.object as EsNode);
  if (current.type !== "CallExpression") return undefined;
  const callee = unwrap(current.callee as EsNode);
  return callee.type === "Identifier" && callee.name === "expect" ? current : undefined;
}

/** The last names of the calls collectTestFacts looks at: assertions, type tests, timers, `Promise.race`. */
export const TEST_FACT_CALLEES =
  /^(setTimeout|race|assert|equal|ok|match|notEqual|deepStrictEqual|notDeepStrictEqual|partialDeepStrictEqual|deepEqual|notDeepEqual|strictEqual|notStrictEqual|same|strictSame|notSame|toEqual|toStrictEqual|toMatchObject|toHaveBeenCalledWith|toHaveBeenLastCalledWith|toHaveProperty|toThrow\w*|throw|throws|rejects|rejected\w*|doesNotThrow|doesNotReject|calledWith|calledWithMatch|expect(Type|NotType|Assignable|NotAssignable|Error|Deprecated)|toBe\w*|toRaiseError|toAccept\w*|toHave\w*)$/;
