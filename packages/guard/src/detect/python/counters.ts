// A timeout-named value counted up from zero in literal steps: `timeout = 0` ... `time.sleep(0.1); timeout += 0.1`
// until `timeout < 3` fails (DisplayCAL), `self.connect_timeout = 0` ... `self.connect_timeout += 1` per failed
// attempt (gajim). It counts elapsed time or attempts; the step bounds nothing, the limit it is compared with does.
// A step on a value that came from elsewhere (`self.timeout = initialtimeout + ...` then `self.timeout += 1` before a
// retry, pyghmi) lengthens a wait: still the pad rule.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { enclosingFunction } from "./syntax.ts";

/** Whether `step` (`x += literal`) counts `x` up from zero: every write of `x` in its scope is `= 0` or `+= literal`. */
export function countedFromZero(facts: PyFacts, step: TsNode): boolean {
  const left = step.childForFieldName("left");
  if (!left) return false;
  const written = left.text.replace(/\s+/g, "");
  // A local is written in its function (and must not be a parameter: the caller's value); a field across the file.
  let scope: TsNode | null | undefined;
  if (left.type === "identifier") {
    const fn = enclosingFunction(step);
    if (!fn) return false;
    const parameters = fn.childForFieldName("parameters");
    if (parameters?.namedChildren.some((p) => (p?.childForFieldName("name") ?? p)?.text === written)) return false;
    scope = fn.childForFieldName("body");
  } else if (left.type === "attribute" && /^self\.\w+$/.test(written)) scope = step.tree.rootNode;
  if (!scope) return false;
  let zero = false;
  for (const write of scope.descendantsOfType(["assignment", "augmented_assignment"])) {
    const target = write?.childForFieldName("left");
    if (!write || !target) continue;
    // `timeout, other = ...` writes the name too, with a value this cannot tell.
    if (target.type === "pattern_list" || target.type === "tuple_pattern")
      if (target.namedChildren.some((n) => n?.text.replace(/\s+/g, "") === written)) return false;
    if (target.text.replace(/\s+/g, "") !== written) continue;
    const value = write.childForFieldName("right");
    const number = value ? facts.evaluate(value) : undefined;
    if (number === undefined) return false;
    if (write.type === "assignment") {
      if (number !== 0) return false;
      zero = true;
    } else if (write.childForFieldName("operator")?.text !== "+=") return false;
  }
  return zero && !forTarget(scope, written);
}

// `for timeout in (1, 2, 5):` writes the name too.
function forTarget(scope: TsNode, written: string): boolean {
  return scope
    .descendantsOfType("for_statement")
    .some((loop) => loop?.childForFieldName("left")?.text.replace(/\s+/g, "") === written);
}
