import { createRequire } from "node:module";
import type { Language, Query, Node as TsNode, Parser as TsParser } from "web-tree-sitter";

let parser: Promise<TsParser> | undefined;
let makeQuery: ((language: Language, source: string) => Query) | undefined;

// The Python parser (tree-sitter in WebAssembly), loaded on first use only: a commit without
// Python files never pays for it.
export function pythonParser(): Promise<TsParser> {
  parser ??= (async () => {
    const { Parser, Language, Query: QueryClass, Node } = await import("web-tree-sitter");
    memoiseNodeReads(Node.prototype);
    makeQuery = (language, source) => new QueryClass(language, source);
    await Parser.init();
    const wasm = createRequire(import.meta.url).resolve("tree-sitter-python/tree-sitter-python.wasm");
    const instance = new Parser();
    instance.setLanguage(await Language.load(wasm));
    return instance;
  })();
  return parser;
}

const queries = new Map<string, Query>();
const TYPE = Symbol("type");

// The nodes of the given types under `root`, in document order, from one tree-sitter query: the
// query runs inside WebAssembly and hands back only the captures (about 3x faster than walking
// every node from JavaScript), and it iterates, so no nesting depth can overflow the stack.
// One pattern per type, each capture named after its type, so every node comes back knowing its
// type without another call into WebAssembly.
export function capturePython(root: TsNode, types: readonly string[]): TsNode[] {
  const key = types.join(" ");
  let query = queries.get(key);
  if (!query) {
    if (!makeQuery) throw new Error("capturePython() before pythonParser() resolved");
    query = makeQuery(root.tree.language, types.map((type) => `(${type}) @${type}`).join("\n"));
    queries.set(key, query);
  }
  const nodes: TsNode[] = [];
  for (const { name, node } of query.captures(root)) {
    (node as unknown as Record<symbol, string>)[TYPE] = name;
    nodes.push(node);
  }
  return nodes;
}

const MEMOISED = Symbol("org-guard memoised reads");
const GETTERS = ["type", "endIndex", "text", "parent"] as const;
/** A parsed tree's parents by node id (see `memoiseNodeReads`). */
const PARENTS = Symbol("org-guard parents");

// web-tree-sitter reads a node's type, end, text and parent through WebAssembly on every access
// (marshal the node into a transfer buffer, call, unmarshal a new object), and the detectors ask
// the same node the same thing many times: that was about a third of Python's time past the parse.
// A parsed tree never changes (org-guard never edits one), so each read is kept on the node the
// first time, as web-tree-sitter itself keeps `children` and `namedChildren`.
//
// A parent is kept for the tree as well, by node id (unique within a tree): every step of a walk up
// makes a new object, and tree-sitter finds a node's parent by descending from the root (a node keeps
// no parent pointer), so each step costs the node's depth. Kept per object only, a walk from a node to
// the root cost its depth squared, every time: 96 nested functions each with a default (the deepest
// Python allows) took 93 ms, and the walks (a default's enclosing calls and values) were most of it.
function memoiseNodeReads(prototype: object): void {
  const target = prototype as Record<PropertyKey, unknown>;
  if (target[MEMOISED]) return;
  target[MEMOISED] = true;
  for (const name of GETTERS) {
    const read = Object.getOwnPropertyDescriptor(prototype, name)?.get;
    if (!read) continue; // another web-tree-sitter version: its own getter stays
    const slot = name === "type" ? TYPE : Symbol(name);
    const get =
      name === "parent"
        ? function (this: Record<symbol, unknown> & { id: number; tree: object }) {
            const known = this[slot];
            if (known !== undefined) return known;
            const tree = this.tree as Record<symbol, Map<number, unknown>>;
            const parents = (tree[PARENTS] ??= new Map());
            let parent = parents.get(this.id);
            if (parent === undefined) parents.set(this.id, (parent = read.call(this)));
            return (this[slot] = parent);
          }
        : function (this: Record<symbol, unknown>) {
            const known = this[slot];
            if (known !== undefined) return known;
            return (this[slot] = read.call(this));
          };
    Object.defineProperty(prototype, name, { configurable: true, enumerable: false, get });
  }
  const childForFieldName = target.childForFieldName as ((this: TsNode, field: string) => TsNode | null) | undefined;
  if (typeof childForFieldName !== "function") return;
  const fields = Symbol("fields");
  target.childForFieldName = function (this: TsNode & Record<symbol, Map<string, TsNode | null>>, field: string) {
    const cache = (this[fields] ??= new Map());
    let child = cache.get(field);
    if (child === undefined) cache.set(field, (child = childForFieldName.call(this, field)));
    return child;
  };
}

export interface PythonSyntaxError {
  start: number;
  end: number;
  message: string;
}

// The first syntax error of a parsed Python file, in document order, if any.
export function firstSyntaxError(root: TsNode): PythonSyntaxError | undefined {
  if (!root.hasError) return undefined;
  // Descend along the first erroneous child (iteratively: a tree can be thousands of levels deep).
  let node = root;
  descend: while (!node.isError && !node.isMissing) {
    for (const child of node.children) {
      if (child && (child.hasError || child.isMissing)) {
        node = child;
        continue descend;
      }
    }
    break;
  }
  return {
    start: node.startIndex,
    end: Math.max(node.endIndex, node.startIndex + 1),
    message: node.isMissing ? `Syntax error: missing "${node.type}"` : "Syntax error: unexpected input",
  };
}
