import type { Node as TsNode } from "web-tree-sitter";
import { calleeNamed, MOCK_CALLED_WITH } from "./assertion-names.ts";
import { calleeText, enclosingFunction, unwrap } from "./syntax.ts";

// Literals a test asserts on after passing them: a configuration check or a value forwarded to a double,
// not a wait.

// Calls that compare what a test saw with what it expects: `self.assertEqual(c.timeout, 9)`,
// `assert_called_once_with(5000)`. Not `assertRaises(...)`/`assertTrue(...)`: they run or test, they do not compare.
const ASSERTING = calleeNamed(
  String.raw`assert_?[Ee]quals?|assert\w*Equal|assertIn|assertIs|assert(Greater|Less)\w*`,
  MOCK_CALLED_WITH,
);
const CALL_ASSERTION = calleeNamed(MOCK_CALLED_WITH);

// The comparing assertions of each function of one file (cached per function).
export class AssertedLiterals {
  private readonly cache = new Map<number, TsNode[]>();

  // `Client(KEY, timeout=10)` then `self.assertEqual(consumer.timeout, 10)`, `flush(timeout_millis=5000)` then
  // `inner.force_flush.assert_called_once_with(5000)`: a literal the test asserts on afterwards is checked as a
  // configuration or as forwarded to a double, not waited on.
  later(value: TsNode, name: string | undefined): boolean {
    const literal = unwrap(value);
    if (literal.type !== "integer" && literal.type !== "float") return false;
    const fn = enclosingFunction(value);
    if (!fn || !fn.text.includes("assert")) return false;
    let assertions = this.cache.get(fn.startIndex);
    if (!assertions) {
      assertions = fn
        .descendantsOfType(["assert_statement", "call"])
        .filter(
          (n): n is TsNode =>
            n !== null && (n.type === "assert_statement" || ASSERTING.test(calleeText(n))) && !isNestedAssertion(n),
        );
      this.cache.set(fn.startIndex, assertions);
    }
    const token = new RegExp(`(?<![\\w.])${literal.text.replace(/[.]/g, "\\.")}(?![\\w.])`);
    const named = new RegExp(`timeout${name ? `|\\b${name}\\b` : ""}`, "i");
    return assertions.some(
      (a) =>
        a.startIndex >= value.endIndex &&
        token.test(a.text) &&
        // A mock's call assertion names no parameter: only a distinctive literal (`5000`, `1.5`, not `1`) ties it.
        (named.test(a.text) ||
          (a.type === "call" && CALL_ASSERTION.test(calleeText(a)) && literal.text.replace(/[._]/g, "").length >= 2)),
    );
  }
}

// `self.assertEqual(...)` inside `assert ...`: counted once, at the outer assertion.
function isNestedAssertion(node: TsNode): boolean {
  return node.type === "call" && node.parent?.type === "assert_statement";
}
