// CPU budgets: durations that only arm a SIGALRM timer (`signal.setitimer(signal.ITIMER_REAL, seconds)`,
// `signal.alarm(n)`) through helpers of the same file, around work done in this process (lm-eval's sympy checks under
// `with time_limit(timeout):`, a schema validation under `_run_with_timeout(fn, seconds=VALIDATION_TIMEOUT_S)`).
// Nothing waits on the alarm: it interrupts computation (the README's "CPU budgets", like pg-boss's preview budget).
// Only values whose every read reaches such a helper count; one that also reaches a join, a wait or a request (lm-eval's
// cruxeval sandbox, joined with `timeout + 1`) still bounds a wait.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { outward } from "./expiries.ts";
import { blanked } from "./syntax.ts";

// A parameter of a function of the file, by name and by position.
interface Parameter {
  readonly name: string;
  readonly index: number;
}

const ARMS_ALARM = /\b(alarm|setitimer)\s*\(/;
const CONVERSIONS = /^(int|float|round|math\.ceil|math\.floor)$/;

// The file's alarm helpers (function name -> the parameter that sets the alarm), found once per file.
export class AlarmBudgets {
  private helpers: Map<string, Parameter> | undefined;

  constructor(private readonly facts: PyFacts) {}

  // `def symbolic_equal(a, b, tolerance, timeout=10.0)` whose `timeout` only reaches `with time_limit(timeout):`.
  isBudgetParameter(fn: TsNode, name: string): boolean {
    const own = fn.childForFieldName("name")?.text;
    return own !== undefined && this.all(fn.tree.rootNode).get(own)?.name === name;
  }

  // `VALIDATION_TIMEOUT_S = int(os.environ.get("X_TIMEOUT_S", "40"))` (the value, or a call inside it): a module
  // constant read only as the default of an alarm helper's parameter or passed to one.
  isBudgetValue(value: TsNode): boolean {
    let assignment = value.parent;
    while (assignment && assignment.type !== "assignment" && assignment.type !== "module")
      assignment = assignment.parent;
    const left = assignment?.type === "assignment" ? assignment.childForFieldName("left") : null;
    if (left?.type !== "identifier" || assignment!.parent?.parent?.type !== "module") return false;
    const root = assignment!.tree.rootNode;
    if (this.all(root).size === 0) return false;
    const name = left.text;
    const reads = readsOf(root, name, assignment!);
    return reads.length > 0 && reads.every((read) => this.reachesHelper(read));
  }

  private all(root: TsNode): Map<string, Parameter> {
    if (this.helpers) return this.helpers;
    this.helpers = new Map();
    if (!ARMS_ALARM.test(this.facts.fileCode())) return this.helpers;
    const functions = root.descendantsOfType("function_definition").filter((f): f is TsNode => f !== null);
    for (const call of root.descendantsOfType("call")) {
      const armed = call ? armedParameter(this.facts, call) : undefined;
      if (armed) this.helpers.set(armed.fn, armed.parameter);
    }
    // A function whose parameter only reaches a helper's is one too (`math_equal` -> `symbolic_equal` -> `time_limit`).
    for (let changed = true, round = 0; changed && round < 5; round++) {
      changed = false;
      for (const fn of functions) {
        const own = fn.childForFieldName("name")?.text;
        const body = fn.childForFieldName("body");
        if (!own || !body || this.helpers.has(own)) continue;
        for (const parameter of parametersOf(fn)) {
          const reads = readsOf(body, parameter.name);
          if (reads.length > 0 && reads.every((read) => this.reachesHelper(read))) {
            this.helpers.set(own, parameter);
            changed = true;
            break;
          }
        }
      }
    }
    return this.helpers;
  }

  // The read is an argument of a helper at its alarm parameter, or the default of that parameter.
  private reachesHelper(read: TsNode): boolean {
    let value = outward(read);
    // `int(seconds)`: a conversion passes the value on.
    const around = value.parent?.parent;
    if (value.parent?.type === "argument_list" && around?.type === "call") {
      const callee = around.childForFieldName("function")?.text ?? "";
      if (CONVERSIONS.test(callee) && around.childForFieldName("arguments")?.namedChildren.length === 1)
        value = outward(around);
    }
    const parent = value.parent;
    if (parent?.type === "default_parameter" || parent?.type === "typed_default_parameter") {
      const fn = parent.parent?.parent;
      const name = parent.childForFieldName("name")?.text;
      return fn?.type === "function_definition" && name !== undefined && this.isBudgetParameter(fn, name);
    }
    const keyword = parent?.type === "keyword_argument" ? parent : undefined;
    const list = keyword ? keyword.parent : parent;
    const call = list?.type === "argument_list" ? list.parent : undefined;
    if (call?.type !== "call") return false;
    const callee = call.childForFieldName("function");
    const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee?.text;
    const helper = method ? this.helpers?.get(method) : undefined;
    if (!helper) return false;
    if (keyword) return keyword.childForFieldName("name")?.text === helper.name;
    const positional = list!.namedChildren.filter((a) => a !== null && a.type !== "keyword_argument");
    // `self.check(x)`: the method's `self` is not among the call's arguments.
    const offset = callee?.type === "attribute" && helper.index > 0 && callee.text.startsWith("self.") ? 1 : 0;
    return positional.findIndex((a) => a!.id === value.id) + offset === helper.index;
  }
}

// `signal.setitimer(signal.ITIMER_REAL, seconds)` / `signal.alarm(seconds)` in a function with that parameter.
function armedParameter(facts: PyFacts, call: TsNode): { fn: string; parameter: Parameter } | undefined {
  const path = facts.resolve(call.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "");
  const at = path === "signal.alarm" ? 0 : path === "signal.setitimer" ? 1 : -1;
  if (at < 0) return undefined;
  let argument = call.childForFieldName("arguments")?.namedChildren[at];
  if (argument?.type === "call" && CONVERSIONS.test(argument.childForFieldName("function")?.text ?? ""))
    argument = argument.childForFieldName("arguments")?.namedChildren[0];
  if (argument?.type !== "identifier") return undefined;
  for (let current = call.parent; current; current = current.parent) {
    if (current.type !== "function_definition") continue;
    const parameter = parametersOf(current).find((p) => p.name === argument.text);
    const name = current.childForFieldName("name")?.text;
    return parameter && name ? { fn: name, parameter } : undefined;
  }
  return undefined;
}

function parametersOf(fn: TsNode): Parameter[] {
  const out: Parameter[] = [];
  for (const node of fn.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!node) continue;
    const name = node.type === "identifier" ? node : node.childForFieldName("name");
    if (node.type.endsWith("splat_pattern") || node.type === "keyword_separator") break;
    if (name?.type === "identifier" || node.type === "typed_parameter")
      out.push({ name: (name ?? node.namedChildren[0])!.text, index: out.length });
  }
  return out;
}

// Every read of `name` in `scope` (attributes' own names excluded), apart from the `definition`.
function readsOf(scope: TsNode, name: string, definition?: TsNode): TsNode[] {
  const code = blanked(scope.text);
  const root = scope.tree.rootNode;
  const out: TsNode[] = [];
  for (const match of code.matchAll(new RegExp(`(?<![\\w.])${name}(?!\\w)`, "g"))) {
    const at = scope.startIndex + match.index;
    if (definition && at >= definition.startIndex && at < definition.endIndex) continue;
    const found = root.descendantForIndex(at, at + name.length);
    if (!found || found.text !== name || found.type !== "identifier") continue;
    // The parameter's own declaration (`def f(timeout=...)`) is no read.
    const parent = found.parent;
    if (
      parent?.type === "parameters" ||
      ((parent?.type === "default_parameter" || parent?.type === "typed_default_parameter") &&
        parent.childForFieldName("name")?.id === found.id) ||
      (parent?.type === "typed_parameter" && parent.namedChildren[0]?.id === found.id)
    )
      continue;
    out.push(found);
  }
  return out;
}
