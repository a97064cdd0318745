import type { Node as TsNode } from "web-tree-sitter";

// The functions and lambdas of one file, in document order: the scopes names are keyed by.
export class Scopes {
  // [start, end) of every function and lambda, in document order.
  private readonly functions: [number, number][] = [];

  // Records every function and lambda of `nodes` (a file's scan, in document order).
  collect(nodes: readonly TsNode[]): void {
    for (const node of nodes) {
      if (node.type === "function_definition" || node.type === "lambda")
        this.functions.push([node.startIndex, node.endIndex]);
    }
  }

  // The function (or lambda) a node is in, by its start offset; 0 for module level.
  of(node: TsNode): number {
    return this.around(node.startIndex);
  }

  // The scope around the function (or lambda) that starts at `scope`; 0 around the module's own functions.
  outside(scope: number): number {
    return scope === 0 ? 0 : this.around(scope);
  }

  // The innermost function starting before `at` that contains it.
  private around(at: number): number {
    // The innermost function containing `at` is the last one starting before it that still contains
    // it: binary search for the last start before `at`, then step out of the functions that ended.
    let low = 0;
    let high = this.functions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.functions[mid]![0] < at) low = mid + 1;
      else high = mid;
    }
    for (let i = low - 1; i >= 0; i--) {
      const [start, end] = this.functions[i]!;
      if (at < end) return start;
    }
    return 0;
  }
}
