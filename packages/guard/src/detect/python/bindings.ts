// What names a Python file binds and to what: per scope, the names assigned or bound as parameters, the constants
// (a name assigned once to a number), the arithmetic a name assigned once holds, and parameters' numeric defaults.
import type { Node as TsNode } from "web-tree-sitter";
import { evaluate } from "./evaluate.ts";
import type { Scopes } from "./scopes.ts";

// A name assigned once in its scope to a number: `t = 5`, then `timeout=t`.
export type Constant = { node: TsNode; value: number; name: string };

/** A file's bindings, noted during the facts' one pass over its nodes and settled after it. */
export class Bindings {
  private readonly constants = new Map<string, Constant>();
  // `scope:name` -> the arithmetic a name assigned once holds when it does not fold (`1.0 / len(alive)`).
  private readonly shares = new Map<string, TsNode>();
  // `scope:name` for every name assigned or bound as a parameter.
  private scopedNames = new Set<string>();
  // `scope:name` of parameters with a numeric default that the function never assigns: `duration_ms: int = 100`.
  private readonly defaults = new Map<string, TsNode>();
  // `scope:name` (or an attribute's text) -> its assignments and parameter bindings, in document order.
  private readonly assignments = new Map<string, TsNode[]>();
  // `scope:name` of parameters whose default is a name (`deadline_sec=_DEFAULT_DEADLINE_SEC`).
  private readonly namedDefaults = new Map<string, TsNode>();
  // `scope:name` (or an attribute's text) -> what its other bindings hold: `+=`'s right side, a `with ... as` source;
  // null for a `for` target or a tuple's part, whose value is not written there. Kept apart from `assignments`: a
  // constant is a name assigned once, whatever else rebinds it.
  private readonly rebindings = new Map<string, (TsNode | null)[]>();

  /** `scopes`: the file's functions and lambdas, which key its names. */
  constructor(private readonly scopes: Scopes) {}

  private scopeOf(node: TsNode): number {
    return this.scopes.of(node);
  }

  /** The assignments and parameter bindings of `key` seen so far (while collecting: those above the current node). */
  assigned(key: string): readonly TsNode[] | undefined {
    return this.assignments.get(key);
  }

  /** An assignment to `key` (`scope:name` of an identifier, or an attribute's text). */
  assignment(key: string, node: TsNode): void {
    push(this.assignments, key, node);
  }

  /** A binding that is no plain assignment (see `rebindings`), of an identifier or attribute `target`. */
  rebinding(target: TsNode, value: TsNode | null): void {
    const key = this.keyOf(target);
    if (key) push(this.rebindings, key, value);
  }

  /**
   * What the file binds `target` to: assignments' right sides, `+=`'s, `with ... as` sources, and null for a
   * parameter, a loop's target or a tuple's part. An identifier's bindings are those of the innermost scope
   * (function, lambda, module) around it that binds the name; an attribute's (`self.child`) are the whole file's.
   */
  sources(target: TsNode): (TsNode | null)[] {
    const found = (key: string): (TsNode | null)[] => [
      ...(this.assignments.get(key) ?? []).map((node) =>
        node.type === "assignment" ? node.childForFieldName("right") : null,
      ),
      ...(this.rebindings.get(key) ?? []),
    ];
    if (target.type !== "identifier") return found(target.text);
    for (let scope = this.scopeOf(target); ; scope = this.scopes.outside(scope)) {
      const bound = found(`${scope}:${target.text}`);
      if (bound.length > 0 || scope === 0) return bound;
    }
  }

  // An identifier's key in its scope, an attribute's text; undefined for anything else (a subscript, a tuple).
  private keyOf(target: TsNode): string | undefined {
    if (target.type === "identifier") return `${this.scopeOf(target)}:${target.text}`;
    return target.type === "attribute" ? target.text : undefined;
  }

  /** A `parameters` or `lambda_parameters` node: each parameter binds its name in the function. */
  parameters(node: TsNode): void {
    for (const parameter of node.namedChildren) {
      const name = parameter?.type === "identifier" ? parameter.text : parameter?.childForFieldName("name")?.text;
      const key = `${node.parent ? node.parent.startIndex : 0}:${name}`;
      if (name) push(this.assignments, key, parameter!, parameter!);
      const value = parameter?.type.endsWith("default_parameter") ? parameter.childForFieldName("value") : null;
      if (name && value && /^(integer|float)$/.test(value.type)) this.defaults.set(key, value);
      else if (name && value?.type === "identifier") this.namedDefaults.set(key, value);
    }
  }

  /** After the pass: which names are constants of their scope, and which parameters keep their default. */
  settle(): void {
    const assignments = this.assignments;
    this.scopedNames = new Set(assignments.keys());
    // A parameter assigned again in its function (`if t is None: t = ...`) no longer holds its default alone.
    for (const key of this.defaults.keys()) if ((assignments.get(key)?.length ?? 0) > 2) this.defaults.delete(key);
    // A name assigned exactly once in its scope (function or module), and not a parameter there,
    // is a constant of that scope: `t = 5` then `requests.get(u, timeout=t)`. In source order.
    for (const [key, nodes] of assignments) {
      const only = nodes.length === 1 ? nodes[0] : undefined;
      if (!only || only.type !== "assignment" || only.childForFieldName("left")?.type !== "identifier") continue;
      if (only.parent?.type !== "expression_statement") continue;
      const right = only.childForFieldName("right");
      const value = right ? this.evaluate(right) : undefined;
      if (right && value !== undefined)
        this.constants.set(key, { node: right, value, name: key.slice(key.indexOf(":") + 1) });
      else if (right?.type === "binary_operator") this.shares.set(key, right);
    }
    // `deadline_sec=_DEFAULT_DEADLINE_SEC` (a module constant, `_DEFAULT_DEADLINE_SEC = 10`): the constant's number is
    // the parameter's default, as if written there.
    for (const [key, value] of this.namedDefaults) {
      const constant = (assignments.get(key)?.length ?? 0) > 2 ? undefined : this.constant(value);
      if (constant) this.defaults.set(key, constant.node);
    }
  }

  // The constant an identifier names in its scope (its function, else the module), if any.
  constant(node: TsNode): Constant | undefined {
    const local = `${this.scopeOf(node)}:${node.text}`;
    // A name bound in the function (assigned or a parameter) hides the module's.
    if (this.scopedNames.has(local)) return this.constants.get(local);
    return this.constants.get(`0:${node.text}`);
  }

  // The numeric default of the parameter an identifier names, when its function never assigns it again.
  parameterDefault(node: TsNode): TsNode | undefined {
    return this.defaults.get(`${this.scopeOf(node)}:${node.text}`);
  }

  // The literal tuple a loop variable runs over (`for timeout in (0, 0.001, 2): with fail_after(timeout)`).
  loopTuple(node: TsNode): TsNode | undefined {
    // Asked only where a finding may be reported: found by walking out of the loop, not collected for every file.
    if (this.scopedNames.has(`${this.scopeOf(node)}:${node.text}`)) return undefined;
    for (let current = node.parent; current; current = current.parent) {
      if (current.type === "function_definition" || current.type === "lambda") return undefined;
      if (current.type !== "for_statement" || current.childForFieldName("left")?.text !== node.text) continue;
      const values = current.childForFieldName("right");
      return values?.type === "tuple" || values?.type === "list" ? values : undefined;
    }
    return undefined;
  }

  // The arithmetic an identifier was assigned once in its scope, when it is no constant (`1.0 / len(alive)`).
  arithmetic(node: TsNode): TsNode | undefined {
    const local = `${this.scopeOf(node)}:${node.text}`;
    if (this.scopedNames.has(local)) return this.shares.get(local);
    return this.shares.get(`0:${node.text}`);
  }

  // An identifier every binding of which in its scope assigns a call's result or arithmetic (`n = len(items)`): a
  // computed value, not a setting; a parameter or an attribute read is none.
  computed(node: TsNode): boolean {
    const local = `${this.scopeOf(node)}:${node.text}`;
    const nodes = this.assignments.get(this.scopedNames.has(local) ? local : `0:${node.text}`);
    return (
      !!nodes?.length &&
      nodes.every((binding) => {
        const right = binding.type === "assignment" ? binding.childForFieldName("right") : null;
        return right?.type === "call" || right?.type === "binary_operator";
      })
    );
  }

  // The number an expression folds to, with this file's constants.
  evaluate(node: TsNode): number | undefined {
    return evaluate(node, (identifier) => this.constant(identifier)?.value);
  }
}

// Appends to the list under `key` (a name assigned many times is not copied each time).
function push<K, V>(lists: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = lists.get(key);
  if (list) list.push(...values);
  else lists.set(key, values);
}
