// A request's config held in a local (`const options = { ... }; fetch(url, options)`): the object written there, when
// the function that makes the request names the local nowhere else (`client-defaults.ts`, `node-requests.ts`).
import { type EsNode, span, unwrap } from "./ast.ts";
import { innermostFunction } from "./function-spans.ts";

/**
 * `const options = { method: "POST", body, headers }; ... fetch(url, options)` (TypeScript's output of node-twitch):
 * a config held in a local of the function that makes the request, named nowhere else in that function but where it
 * is declared and handed over, is the object written there: nothing can have added a `timeout` or a `signal` to it.
 */
export class ConfigLocals {
  /** Function spans in document order (the walk is pre-order). */
  private readonly functions: [number, number][] = [];
  private readonly declared = new Map<string, EsNode[]>();
  /** Every local with a value written where it is declared (an agent: `const agent = new https.Agent(...)`). */
  private readonly valued = new Map<string, EsNode[]>();

  constructor(private readonly source: string) {}

  node(node: EsNode): void {
    if (
      node.type === "FunctionDeclaration" ||
      node.type === "FunctionExpression" ||
      node.type === "ArrowFunctionExpression"
    )
      this.functions.push(span(node));
    if (node.type !== "VariableDeclarator" || (node.id as EsNode).type !== "Identifier") return;
    const init = node.init ? unwrap(node.init as EsNode) : undefined;
    if (init === undefined) return;
    const name = (node.id as EsNode).name as string;
    this.valued.set(name, [...(this.valued.get(name) ?? []), node]);
    if (init.type === "ObjectExpression") this.declared.set(name, [...(this.declared.get(name) ?? []), node]);
  }

  /** The innermost function around `at` seen so far (the walk is pre-order), or undefined at the top level. */
  functionAt(at: number): [number, number] | undefined {
    return innermostFunction(this.functions, at);
  }

  /** The object a local config holds, or the argument itself. */
  resolve(arg: EsNode): EsNode {
    return this.lookUp(arg, this.declared, false);
  }

  /**
   * `resolve` for any value, a module's too: `const agent = new https.Agent({ rejectUnauthorized: false })` at the top
   * of a BackstopJS engine script, handed as `{ agent }` in a function below, named nowhere else in the file.
   */
  resolveValue(arg: EsNode): EsNode {
    return this.lookUp(arg, this.valued, true);
  }

  private lookUp(arg: EsNode, declarations: Map<string, EsNode[]>, module: boolean): EsNode {
    if (arg.type !== "Identifier") return arg;
    const name = arg.name as string;
    const [at] = span(arg);
    for (const declarator of declarations.get(name) ?? []) {
      const [from] = span(declarator);
      const fn = innermostFunction(this.functions, from) ?? (module ? ([0, this.source.length] as const) : undefined);
      if (fn === undefined || from > at || at >= fn[1]) continue;
      const text = this.source.slice(...fn);
      const uses = text.match(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g"))?.length ?? 0;
      if (uses === 2) return declarator.init as EsNode;
    }
    return arg;
  }
}
