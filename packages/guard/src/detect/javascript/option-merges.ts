// A defaults table followed through the merge that makes it an object's options. A library writes `module.exports =
// { timeout: 0 }` in one module and, in another, `this._options = Object.assign({}, defaults, options)` and `if
// (this._options.timeout > 0) setTimeout(...)`. The bare name is no evidence (every object has a `timeout`, and the
// package-wide word traded real findings for false ones 1:1); the merge is: the object read is the one the table was
// merged into. The file that merges says which of its package's modules it merged and which of their names it reads
// off the result where a wait is armed only when they are set (`package-facts.ts` resolves the module).
import { timeoutWord } from "../../name-words.ts";
import { calleePath, type EsNode, isNode, memberName, propertyName, referenceName, unwrap } from "./ast.ts";

/** Functions that copy their later arguments' keys into the first, called bare (`defaults(o, D)`, `deepmerge(D, o)`). */
const BARE_MERGES = ["defaults", "defaultsDeep", "merge", "deepmerge", "extend"];
/** The same off lodash or underscore (`_.assign`, `lodash.merge`, a compiled import's `lodash_1.defaults`). */
const LIBRARY_MERGES = ["defaults", "defaultsDeep", "merge", "assign", "extend"];
/** A merge call's callee: `Object.assign`, one of LIBRARY_MERGES off lodash or underscore, or one of BARE_MERGES. */
const MERGE_CALL = new RegExp(
  `^(Object\\.assign|(_|lodash|underscore|[\\w$]+_1)\\.(${LIBRARY_MERGES.join("|")})|${BARE_MERGES.join("|")})$`,
);
/**
 * A text that may merge (what decides whether a file is walked for its merges): a spread, or a call of one of the
 * merge functions above as a word (`Object.assign(`, `_.assign(`, `deepmerge(`; a looser test than MERGE_CALL).
 */
export const MERGE_SHAPE = new RegExp(
  `\\.\\.\\.\\s*[\\w$]|\\b(?:${[...new Set([...BARE_MERGES, ...LIBRARY_MERGES])].join("|")})\\s*\\(`,
);
/** A key a timeout may be kept under (bare `timeout` included: the merge, not the word, is the evidence). */
const TIMEOUT_KEY = timeoutWord("js", "i");

/** What one file shows of the tables it merges: collected during the walk, asked after it. */
export class OptionMerges {
  /** Merges stored under a name: `_options` ← [`defaults`] for `this._options = Object.assign({}, defaults, o)`. */
  private readonly merges: { into: string; from: string[] }[] = [];
  /** `object.key` reads of a timeout key, as `_options.timeout` (also `const { timeout } = this._options`). */
  private readonly reads = new Set<string>();

  /** `x = Object.assign({}, D, o)`, `const x = { ...D, ...o }`, `_.defaults(o, D)`: stored under `into`. */
  stored(into: string | undefined, raw: unknown): void {
    if (into === undefined || !isNode(raw)) return;
    const from = mergedPaths(unwrap(raw), 0);
    if (from.length > 0) this.merges.push({ into, from });
  }

  /** `Object.assign(this, defaults, options)`, `_.defaults(options, DEFAULTS)`: a merge into its first argument. */
  call(node: EsNode): void {
    const callee = calleePath(node.callee as EsNode);
    const [first, ...rest] = node.arguments as EsNode[];
    if (callee === undefined || first === undefined || !MERGE_CALL.test(callee)) return;
    const into = objectName(unwrap(first));
    const from = rest.flatMap((raw) => pathOf(unwrap(raw)));
    if (into !== undefined && from.length > 0) this.merges.push({ into, from });
  }

  /** `this._options.timeout`, `this.timeout`: a timeout key read off a named object. */
  member(node: EsNode): void {
    const key = memberName(node);
    if (key === undefined || !TIMEOUT_KEY.test(key)) return;
    const object = objectName(unwrap(node.object as EsNode));
    if (object !== undefined) this.reads.add(`${object}.${key}`);
  }

  /** `const { timeout } = this._options`: timeout keys read by a destructuring. */
  destructured(id: EsNode, init: unknown): void {
    if (id.type !== "ObjectPattern" || !isNode(init)) return;
    const object = referenceName(unwrap(init));
    if (object === undefined) return;
    for (const property of id.properties as EsNode[]) {
      const key = property.type === "Property" ? propertyName(property) : undefined;
      if (key !== undefined && TIMEOUT_KEY.test(key)) this.reads.add(`${object}.${key}`);
    }
  }

  /**
   * Per own module merged here (its specifier as written, `./options`), the names of `waiting` (names whose "no limit"
   * this file shows reaching a wait) that it reads off an object that module's export was merged into.
   */
  tables(waiting: ReadonlySet<string>, ownModuleOf: (path: string) => string | undefined): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const { into, from } of this.merges) {
      const read = [...waiting].filter((name) => this.reads.has(`${into}.${name}`));
      if (read.length === 0) continue;
      for (const path of from) {
        const module = ownModuleOf(path);
        if (module === undefined) continue;
        const names = out.get(module) ?? new Set<string>();
        for (const name of read) names.add(name);
        out.set(module, names);
      }
    }
    return out;
  }
}

/** The objects a merge copies from, as paths (`defaults`, `options_1.DEFAULTS`); none if `node` is no merge. */
function mergedPaths(node: EsNode, depth: number): string[] {
  if (depth > 2) return [];
  if (node.type === "ObjectExpression")
    return (node.properties as EsNode[]).flatMap((property) =>
      property.type === "SpreadElement" ? pathOf(unwrap(property.argument as EsNode)) : [],
    );
  if (node.type !== "CallExpression") return [];
  const callee = calleePath(node.callee as EsNode);
  if (callee === undefined || !MERGE_CALL.test(callee)) return [];
  return (node.arguments as EsNode[]).flatMap((raw) => {
    const argument = unwrap(raw);
    return argument.type === "ObjectExpression" ? mergedPaths(argument, depth + 1) : pathOf(argument);
  });
}

/** `options`, `_options` for `this._options`, `this` itself (`Object.assign(this, defaults, options)`). */
function objectName(node: EsNode): string | undefined {
  return node.type === "ThisExpression" ? "this" : referenceName(node);
}

function pathOf(node: EsNode): string[] {
  if (node.type === "Identifier") return [node.name as string];
  const path = node.type === "MemberExpression" ? calleePath(node) : undefined;
  return path === undefined ? [] : [path];
}

/**
 * The properties of the module's top-level object literals (`module.exports = {...}`, `exports.defaults = {...}`,
 * `export default {...}`, `const DEFAULTS = {...}`): where a table another module merges is written.
 */
export function tableProperties(program: EsNode): Set<EsNode> {
  const out = new Set<EsNode>();
  const add = (raw: unknown) => {
    const value = isNode(raw) ? unwrap(raw) : undefined;
    if (value?.type === "ObjectExpression")
      for (const property of value.properties as EsNode[]) if (property.type === "Property") out.add(property);
  };
  const declaration = (node: EsNode) => {
    if (node.type === "VariableDeclaration")
      for (const declarator of node.declarations as EsNode[]) add(declarator.init);
  };
  for (const statement of program.body as EsNode[]) {
    declaration(statement);
    if (statement.type === "ExportNamedDeclaration" && isNode(statement.declaration))
      declaration(statement.declaration);
    if (statement.type === "ExportDefaultDeclaration") add(statement.declaration);
    const expression = statement.type === "ExpressionStatement" ? unwrap(statement.expression as EsNode) : undefined;
    if (expression?.type === "AssignmentExpression" && expression.operator === "=") add(expression.right);
  }
  return out;
}
