// Locals stored and never read again: `deadline = Date.now() + 1000` after a SIGKILL, where the loop below tests only
// whether the process still runs and nothing reads `deadline` (@connectedcars/test's stopPid). A value nothing reads
// bounds nothing, whatever its name. The store counts as read when a later offset of its function names the local, when
// a loop around the store names it anywhere (the next round reads it), or when a function nested in its function names
// it (a callback may run later). Only a local of the function (declared in it, or one of its parameters) is judged: a
// variable of an outer scope may be read by another function. A store whose value makes a call (other than a clock
// read) is left to that call's own judgement.
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, span, unwrap } from "./ast.ts";
import { innermostFunction } from "./function-spans.ts";
import { walk, type VisitorKeys } from "./walk.ts";

const LOOPS = new Set(["WhileStatement", "DoWhileStatement", "ForStatement", "ForInStatement", "ForOfStatement"]);

/** How many earlier offsets of a name in its function are looked at before the store counts as read. */
const MAX_EARLIER = 200;

/** Calls whose value is the clock or a conversion of a number: they wait on nothing. */
const PURE_CALL = /^(Date\.now|performance\.now|Number|parseInt|parseFloat|Math\.\w+)$/;

/** Collected during the one walk; `finish` hands the stores nothing reads to `notDurations`. */
export class UnreadStores {
  private readonly loops: [number, number][] = [];
  /** Offsets where each name is declared (a declarator's or a parameter's identifier). */
  private readonly declared = new Map<string, number[]>();
  /** Offsets of identifiers that name a member or a key (`options.x`, `{ x: 1 }`): no read of a local `x`. */
  private readonly naming = new Set<number>();
  /** Declarators of `export const ...`: read by other modules. */
  private readonly exported = new Set<EsNode>();
  /** Declarators of a `const` or a `let` (a `var` of a classic script or a GJS module is seen by other files). */
  private readonly lexical = new Set<EsNode>();
  /** The offset lists already sorted. */
  private readonly sorted = new WeakSet<readonly number[]>();

  node(node: EsNode): void {
    if (LOOPS.has(node.type)) this.loops.push(span(node));
    else if (node.type === "VariableDeclarator") this.declare(node.id);
    else if (node.type === "ExportNamedDeclaration" && isNode(node.declaration))
      for (const declarator of ((node.declaration as EsNode).declarations as EsNode[] | undefined) ?? [])
        this.exported.add(declarator);
    else if (node.type === "VariableDeclaration" && node.kind !== "var")
      for (const declarator of node.declarations as EsNode[]) this.lexical.add(declarator);
    else if (node.type === "MemberExpression" && !node.computed) this.naming.add(span(node.property as EsNode)[0]);
    else if (
      (node.type === "Property" || node.type === "PropertyDefinition" || node.type === "MethodDefinition") &&
      !node.computed &&
      !node.shorthand
    )
      this.naming.add(span(node.key as EsNode)[0]);
    else if (FUNCTION_TYPES.has(node.type))
      for (const param of node.params as EsNode[])
        this.declare(param.type === "AssignmentPattern" ? param.left : param);
  }

  private declare(id: unknown): void {
    if (!isNode(id) || id.type !== "Identifier") return;
    const at = span(id)[0];
    const seen = this.declared.get(id.name as string);
    if (seen) seen.push(at);
    else this.declared.set(id.name as string, [at]);
  }

  /**
   * Adds the declarators and plain assignments of a function's locals that nothing reads after them. `uses` gives every
   * offset of a name (property keys and member names included: a read, to be safe). `ownsTopLevel` says whether the
   * file's top-level names are its own, for a `const`/`let` (`lexical`) or a `var`.
   */
  finish(
    sites: readonly EsNode[],
    functions: readonly [number, number][],
    uses: (name: string) => readonly number[],
    visitorKeys: VisitorKeys | undefined,
    notDurations: Set<EsNode>,
    ownsTopLevel: (lexical: boolean) => boolean,
  ): void {
    for (const site of sites) {
      const target =
        site.type === "VariableDeclarator"
          ? site.id
          : site.type === "AssignmentExpression" && site.operator === "="
            ? site.left
            : undefined;
      if (!isNode(target) || target.type !== "Identifier") continue;
      const value = site.type === "VariableDeclarator" ? site.init : site.right;
      if (!isNode(value) || !onlyNumbers(value, visitorKeys)) continue;
      const [start, end] = span(site);
      const owner = innermostFunction(functions, start);
      const name = target.name as string;
      // A module's top-level constant no code of the file names again (a bundle's leftover `var
      // DEFAULT_TIMESTAMP_TIMEOUT_MS = 60 * 1e3 * 3`): nothing reads it. In a classic script a top-level `var` is a
      // global another script may read, so only a module's (CommonJS, ESM, or a GJS one's `const`) is judged;
      // `exports.X` names it.
      if (!owner) {
        const unread = uses(name).every((at) => start <= at && at < end);
        if (
          site.type === "VariableDeclarator" &&
          unread &&
          !this.exported.has(site) &&
          ownsTopLevel(this.lexical.has(site))
        )
          notDurations.add(site);
        continue;
      }
      const local = (this.declared.get(name) ?? []).some(
        (at) => owner[0] <= at && at < owner[1] && innermostFunction(functions, at) === owner,
      );
      if (!local || this.readAround(uses(name), start, end, owner, functions)) continue;
      notDurations.add(site);
      // `x || 1000`, `a ? 5 : 10`: the value's own fallback and choice sites are judged apart from the store.
      walk(value, visitorKeys, (node) => {
        if (node.type === "LogicalExpression" || node.type === "ConditionalExpression") notDurations.add(node);
      });
    }
  }

  /** Whether an offset of the name in `owner`, outside the store, reads what the store at [start, end) writes. */
  private readAround(
    offsets: readonly number[],
    start: number,
    end: number,
    owner: [number, number],
    functions: readonly [number, number][],
  ): boolean {
    if (!this.sorted.has(offsets)) this.sorted.add((offsets as number[]).sort((a, b) => a - b));
    // The first offset in `owner`, then every one up to the store; past the store, any one in `owner` reads it.
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (offsets[mid]! < owner[0]) low = mid + 1;
      else high = mid;
    }
    const loops = this.loops.filter(([from, to]) => owner[0] <= from && from <= start && end <= to);
    for (let index = low, seen = 0; index < offsets.length && offsets[index]! < owner[1]; index++) {
      const at = offsets[index]!;
      if ((start <= at && at < end) || this.naming.has(at)) continue;
      // A minified bundle's one-letter name used all over one function: read, to be safe and quick.
      if (at >= end || ++seen > MAX_EARLIER) return true;
      if (loops.some(([from, to]) => from <= at && at < to)) return true;
      if (innermostFunction(functions, at) !== owner) return true;
    }
    return false;
  }
}

/**
 * `value` holds a number written in place and makes no call but a clock read (a call, a `new`, a function, an `await`
 * is judged on its own: a timer, a request, a `new Promise`).
 */
function onlyNumbers(value: EsNode, visitorKeys: VisitorKeys | undefined): boolean {
  let calls = false;
  let number = false;
  walk(value, visitorKeys, (node) => {
    if (calls) return false;
    if (FUNCTION_TYPES.has(node.type) || node.type === "NewExpression" || node.type === "AwaitExpression") calls = true;
    else if (node.type === "CallExpression" && !PURE_CALL.test(calleePath(unwrap(node.callee as EsNode)) ?? ""))
      calls = true;
    else if (node.type === "Literal" && typeof node.value === "number") number = true;
  });
  return number && !calls;
}
