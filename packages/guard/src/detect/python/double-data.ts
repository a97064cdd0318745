// Test data a double holds: a value set on a double's attribute (`x_cluster.timeout = 10` on a `mock.Mock()`), and a
// literal inside a dict or list that only doubles receive (`engine_resp = [{..., "timeout": 3600}]` then
// `mock_call.return_value = engine_resp`). What the test runs never waits with it. Decided by where the data goes
// (`handed-to-doubles.ts`'s reads), never by its name or the file's path.
import type { Node as TsNode } from "web-tree-sitter";
import { outward } from "./expiries.ts";
import type { PyFacts } from "./facts.ts";
import { onlyHandedToDoubles } from "./handed-to-doubles.ts";
import { referenceName } from "./syntax.ts";
import { readKind, setOnTestDouble, testsWithDoubles } from "./test-reads.ts";

/**
 * A literal inside test data (`engine_resp = [{..., "timeout": 3600}]`, `x = {"hooks": {"timeout": 10}}`) whose
 * outermost dict, list, tuple or set is assigned to a name that reaches only doubles (`onlyHandedToDoubles`:
 * `mock_call.return_value = engine_resp`, `self.assertEqual(engine_resp, result)`), or is itself the argument of a
 * call on a double or making one (`mock.Mock(spec={"timeout": 5})` is the double's, `fake.create({"timeout": 5})`).
 */
export function dataOnlyForDoubles(facts: PyFacts, literal: TsNode): boolean {
  if (!testsWithDoubles(facts)) return false;
  let data = literal;
  for (let current = literal.parent; current && CONTAINERS.has(current.type); current = current.parent)
    if (current.type !== "pair") data = current;
  if (data.id === literal.id) return false;
  const outer = outward(data);
  const parent = outer.parent;
  if (parent?.type === "assignment" && parent.childForFieldName("right")?.id === outer.id) {
    const left = parent.childForFieldName("left");
    const name = referenceName(left);
    if (!left || !name) return false;
    return setOnTestDouble(facts, left) || onlyHandedToDoubles(facts, parent, left, name);
  }
  const argument = parent?.type === "keyword_argument" ? parent : outer;
  const call = argument.parent?.type === "argument_list" ? argument.parent.parent : undefined;
  return call?.type === "call" && readKind(facts, data).kind === "double";
}

// What test data is written as: `{"k": v}`, `[...]`, `(...)`, `{...}`, and the pairs inside a dict.
const CONTAINERS = new Set(["dictionary", "pair", "list", "tuple", "set"]);
