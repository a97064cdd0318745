// Where a `let` / `const` binding is seen: the block it is declared in, not the whole function. Minified bundles reuse
// one short name for several functions of one function, each in its own block (`case "idle": { let n = () => r(); ...
// setTimeout(n, 200) }` beside `else { let n = (i) => {...}; e.addEventListener("change", n) }`): the timer's `n` is
// not the listener's, so the timer races no event. `var` and function declarations keep their function's scope.
import { type EsNode, isNode, span, unwrap } from "./ast.ts";
import { innermostFunction } from "./function-spans.ts";

/** The statements a `let` / `const` declared inside them is scoped to. */
const BLOCKS = new Set([
  "BlockStatement",
  "StaticBlock",
  "SwitchStatement",
  "ForStatement",
  "ForInStatement",
  "ForOfStatement",
]);

/** The file's blocks and the functions bound by `let` / `const`, collected in the one walk. */
export class LexicalScopes {
  /** [start, end) of every block, by start (outer first where two start together) once sorted. */
  private readonly blocks: [number, number][] = [];
  /** Whether `blocks` is sorted since the last block was added. */
  private sorted = true;
  /** The functions a `let` / `const` declarator binds (`let n = () => {}`), unwrapped as definitions store them. */
  private readonly lexical = new Set<EsNode>();

  /** Any node of the walk: a block, or a `let` / `const` declaration whose declarators bind a value. */
  node(node: EsNode): void {
    if (BLOCKS.has(node.type)) {
      this.blocks.push(span(node));
      this.sorted = false;
    } else if (node.type === "VariableDeclaration" && node.kind !== "var")
      for (const declarator of node.declarations as EsNode[])
        if (isNode(declarator.init)) this.lexical.add(unwrap(declarator.init));
  }

  /**
   * The span a definition is seen in when a `let` / `const` bound it: the innermost block around it (the whole file
   * at the top level, `null`). `undefined` for any other definition: its function decides.
   */
  scopeOf(definition: EsNode): [number, number] | null | undefined {
    if (!this.lexical.has(definition)) return undefined;
    if (!this.sorted) {
      this.blocks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
      this.sorted = true;
    }
    return innermostFunction(this.blocks, span(definition)[0]) ?? null;
  }
}
