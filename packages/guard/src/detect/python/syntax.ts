import type { Node as TsNode, Tree } from "web-tree-sitter";

// Small readers of the Python syntax tree, shared by the Python detector and its context checks.

// The name a reference ends in: `timeout` for `timeout` and for `self.timeout`.
export function referenceName(node: TsNode | null | undefined): string | undefined {
  if (node?.type === "identifier") return node.text;
  return node?.type === "attribute" ? node.childForFieldName("attribute")?.text : undefined;
}

// The two operands of `a + b` (unwrapped), in both orders; none for anything else.
export function addends(node: TsNode): (readonly [TsNode, TsNode])[] {
  if (node.type !== "binary_operator" || node.childForFieldName("operator")?.text !== "+") return [];
  const left = unwrap(node.childForFieldName("left")!);
  const right = unwrap(node.childForFieldName("right")!);
  return [
    [left, right],
    [right, left],
  ];
}

export function unwrap(node: TsNode): TsNode {
  let current = node;
  while (current.type === "parenthesized_expression" && current.namedChildren.length === 1)
    current = current.namedChildren[0]!;
  return current;
}

/** A call's positional arguments: no keyword, `*args`/`**kwargs` or comment. */
export function positionalArguments(args: TsNode): TsNode[] {
  return args.namedChildren.filter(
    (a): a is TsNode =>
      a !== null && a.type !== "keyword_argument" && a.type !== "comment" && !a.type.endsWith("splat"),
  );
}

export function stringContent(node: TsNode): string | undefined {
  if (node.namedChildren.some((c) => c?.type === "interpolation")) return undefined;
  return node.namedChildren.find((c) => c?.type === "string_content")?.text ?? "";
}

export function keywordArgument(call: TsNode, name: string): TsNode | undefined {
  const args = call.childForFieldName("arguments");
  for (const arg of args?.namedChildren ?? []) {
    if (arg?.type === "keyword_argument" && arg.childForFieldName("name")?.text === name) {
      return arg.childForFieldName("value") ?? undefined;
    }
  }
  return undefined;
}

// `NAME = 1205` / `obj.NAME = 1205` as a statement of its own: a possible entry of a code list.
export function codeStatement(
  node: TsNode,
): { statement: TsNode; id: number; name: string; value: number; base?: string } | undefined {
  const statement = node.parent;
  const right = node.childForFieldName("right");
  if (statement?.type !== "expression_statement" || !right) return undefined;
  const text = right.text.replace(/\s+/g, "");
  // `NIN_BALLOONTIMEOUT = (WM_USER + 4)`: an entry numbered from a base constant (Windows' message ids).
  const offset = /^(?:binary_operator|parenthesized_expression)$/.test(right.type)
    ? /^\(?([A-Za-z_]\w*)\+(\d+)\)?$/.exec(text)
    : null;
  if (!offset && right.type !== "integer" && !(right.type === "unary_operator" && /^-\d+$/.test(text)))
    return undefined;
  const left = node.childForFieldName("left");
  const name = referenceName(left);
  const value = Number((offset ? offset[2]! : text).replace(/_/g, ""));
  if (name === undefined || !Number.isInteger(value)) return undefined;
  return offset ? { statement, id: node.id, name, value, base: offset[1]! } : { statement, id: node.id, name, value };
}

// The statement before `statement` in its block, skipping comments.
export function previousStatement(statement: TsNode): TsNode | null {
  let previous = statement.previousNamedSibling;
  while (previous?.type === "comment") previous = previous.previousNamedSibling;
  return previous;
}

// Python source without its comments, and its plain string literals emptied to `""` (f-strings kept: their
// fields are code). Text, not a parse: for questions asked only where a finding is about to be reported.
// The last answer is kept: a default's checks (`neverRead`, `onlyRecorded`, `inUnreadDefault`) ask it of one function body
// in a row, and a body holds every function nested in it (96 nested functions with defaults scanned their bodies'
// texts, a third of the file on average, three times each).
export function withoutText(source: string): string {
  if (source === lastText) return lastCode;
  lastCode = source.replace(STRING_OR_COMMENT, (match, prefix: string | undefined) =>
    prefix === undefined ? "" : /f/i.test(prefix) ? match : '""',
  );
  lastText = source;
  return lastCode;
}
let lastText: string | undefined;
let lastCode = "";
const STRING_OR_COMMENT =
  /#[^\n]*|(?<![\w])([rRbBuUfF]{0,2})("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')/g;

// The callee of a call as written, without whitespace: `self.assertEqual`, `mock.patch.object`.
export function calleeText(call: TsNode): string {
  return call.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
}

// The innermost function definition around a node.
export function enclosingFunction(node: TsNode): TsNode | undefined {
  for (let current = node.parent; current; current = current.parent)
    if (current.type === "function_definition") return current;
  return undefined;
}

// `len(str(int(runner.timeout or 99)))` (meson sizing a progress column), `f"{timeout or 30}s"`: the value is turned into
// text (through numeric conversions), so nothing waits on it.
export function onlyRendered(node: TsNode): boolean {
  let current = node;
  for (let depth = 0; depth < 6; depth++) {
    let parent = current.parent;
    while (parent?.type === "parenthesized_expression") parent = parent.parent;
    if (parent?.type === "interpolation") return true;
    const call = parent?.type === "argument_list" ? parent.parent : null;
    const callee = call?.type === "call" ? call.childForFieldName("function")?.text : undefined;
    if (!call || !callee) return false;
    if (/^(str|repr|len|format)$/.test(callee)) return true;
    if (!/^(int|float|round|math\.ceil|math\.floor)$/.test(callee)) return false;
    current = call;
  }
  return false;
}

// `source` with comments and string literals blanked to spaces, offsets kept.
export function blanked(source: string): string {
  return source.replace(TEXT_TO_BLANK, (match) => match.replace(/[^\n]/g, " "));
}
const TEXT_TO_BLANK = /#[^\n]*|("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')/g;

// Where each word of the file stands, outside strings and comments: built once per parsed tree, so that asking for
// a name's reads in a scope costs its occurrences, not the scope's text (a file with n kept fields or n test constants asks n times: lifetimes.ts, handed-to-doubles.ts).
const WORDS = new WeakMap<Tree, Map<string, number[]>>();

/** The offsets of `name` as a whole word in `scope`, strings and comments left out. */
export function occurrences(scope: TsNode, name: string): number[] {
  let index = WORDS.get(scope.tree);
  if (!index) {
    index = new Map();
    const root = scope.tree.rootNode;
    for (const match of blanked(root.text).matchAll(/\w+/g)) {
      const at = root.startIndex + match.index;
      const list = index.get(match[0]);
      if (list) list.push(at);
      else index.set(match[0], [at]);
    }
    WORDS.set(scope.tree, index);
  }
  // Offsets are ascending: the scope's are one slice, found by binary search (a file with n functions each reading its
  // own `timeout` asks n times; filtering the whole list each time was quadratic).
  const list = index.get(name) ?? [];
  const start = scope.startIndex;
  const end = scope.endIndex;
  return list.slice(firstAtOrAfter(list, start), firstAtOrAfter(list, end));
}

// The index of the first offset in ascending `list` that is at or after `at` (`list.length` if none).
function firstAtOrAfter(list: number[], at: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A value's place in a call: the whole argument, its keyword (`f(k=x)`), the argument list, the call and its callee. */
export interface ArgumentSlot {
  readonly argument: TsNode;
  readonly keyword: TsNode | undefined;
  readonly list: TsNode;
  readonly call: TsNode;
  /** The callee as written, whitespace removed (`self._client.post`). */
  readonly written: string;
}

/**
 * Where `value` is handed: `f(x)`, `f(k=x)`, and with `parenthesized` also `f((x))`; undefined when it is no whole
 * argument of a call (`f(x + 1)`, `f(k=x or 5)`).
 */
export function argumentSlot(value: TsNode, parenthesized = true): ArgumentSlot | undefined {
  let argument = value;
  while (parenthesized && argument.parent?.type === "parenthesized_expression") argument = argument.parent;
  const keyword = argument.parent?.type === "keyword_argument" ? argument.parent : undefined;
  if (keyword && keyword.childForFieldName("value")?.id !== argument.id) return undefined;
  const list = keyword ? keyword.parent : argument.parent;
  const call = list?.parent;
  if (list?.type !== "argument_list" || call?.type !== "call") return undefined;
  return { argument, keyword, list, call, written: call.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "" };
}

/** A parameter's name as declared: `timeout`, `timeout=5`, `timeout: int`, `timeout: int = 5` (none for `*args`, `*`). */
export function parameterName(parameter: TsNode): string | undefined {
  if (parameter.type === "identifier") return parameter.text;
  // `timeout: int` (a typed parameter without a default): its name is its first child.
  if (parameter.type === "typed_parameter") return parameter.namedChildren[0]?.text;
  return parameter.childForFieldName("name")?.text;
}

/** Whether `node` is, or holds, an identifier one of `names` (`timeout`, `timeout_ms / 1000.0`). */
export function mentionsName(node: TsNode, names: string | ReadonlySet<string>): boolean {
  const has = (text: string) => (typeof names === "string" ? text === names : names.has(text));
  if (node.type === "identifier") return has(node.text);
  return node.descendantsOfType("identifier").some((id) => id !== null && has(id.text));
}
