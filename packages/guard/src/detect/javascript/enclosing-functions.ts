// The functions around a timer call, for what its callback may call back: the callbacks the code was given (the
// enclosing functions' parameters, `onlyContinues`) and the enclosing functions' own names (`onlyRetries`).
import { type EsNode, isNode, span } from "./ast.ts";
import { SpanTree } from "./function-spans.ts";
import { executorFunction } from "./promise-executors.ts";

type FunctionSpan = { from: number; to: number; parameters: string[]; name?: string; settles: boolean; node: EsNode };

export class EnclosingFunctions {
  /** Every function's [start, end), parameter names and own name, in document order (what a timer may call back). */
  private readonly functions: FunctionSpan[] = [];
  /** `functions` indexed by nesting, built once the walk has collected them (`enclosing`). */
  private functionTree: SpanTree<FunctionSpan> | undefined;
  /** Executors of `new Promise((resolve) => ...)`: their `resolve` settles a promise (maybe raced), it does not go on. */
  private readonly executors = new Set<EsNode>();
  /** Every function, parameters or not (`innermost`), and its tree once asked. */
  private readonly every: { from: number; to: number; node: EsNode }[] = [];
  private everyTree: SpanTree<{ from: number; to: number; node: EsNode }> | undefined;

  /** `new Promise(executor)`: seen before the executor's own node (pre-order). */
  executor(node: EsNode): void {
    this.executors.add(executorFunction(node));
  }

  /** A function, its plain parameters (`function (row, onRowFinished)`) and its own name (`function _onResponse`). */
  function(node: EsNode): void {
    const [from, to] = span(node);
    const parameters = (node.params as EsNode[]).filter((p) => p.type === "Identifier").map((p) => p.name as string);
    const name = isNode(node.id) ? (node.id.name as string) : undefined;
    const settles = this.executors.has(node);
    this.every.push({ from, to, node });
    if (parameters.length > 0 || name !== undefined) this.functions.push({ from, to, parameters, name, settles, node });
  }

  /** The innermost function around a timer call that declares `parameter` (the one the name refers to there). */
  declaring(call: EsNode, parameter: string): EsNode | undefined {
    if (this.functionTree === undefined) this.functionTree = new SpanTree(this.functions);
    return this.functionTree.around(span(call)[0]).find(({ parameters }) => parameters.includes(parameter))?.node;
  }

  /** The innermost function around a timer call, whatever its parameters. */
  innermost(call: EsNode): EsNode | undefined {
    if (this.everyTree === undefined) this.everyTree = new SpanTree(this.every);
    return this.everyTree.around(span(call)[0])[0]?.node;
  }

  /** `resolve`, `reject`: the parameters of the innermost `new Promise` executor around a timer call. */
  settlers(call: EsNode): Set<string> {
    if (this.functionTree === undefined) this.functionTree = new SpanTree(this.functions);
    return new Set(this.functionTree.around(span(call)[0]).find(({ settles }) => settles)?.parameters ?? []);
  }

  /** The parameters (callbacks the code was given) or the own names of the functions around a timer call. */
  enclosing(call: EsNode, what: "parameters" | "names"): Set<string> {
    const [at] = span(call);
    const found = new Set<string>();
    const bound = new Set<string>();
    // Innermost first: a parameter hides an outer one of the same name (minified code calls them all `e`).
    if (this.functionTree === undefined) this.functionTree = new SpanTree(this.functions);
    for (const { parameters, name, settles } of this.functionTree.around(at)) {
      if (what === "names" && name !== undefined) found.add(name);
      if (what === "parameters")
        for (const parameter of parameters) {
          if (!bound.has(parameter) && !settles) found.add(parameter);
          bound.add(parameter);
        }
    }
    return found;
  }
}
