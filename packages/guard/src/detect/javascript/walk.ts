// The one traversal of a JavaScript/TypeScript file: every node that can hold a value, once, in document order.
import { type EsNode, isNode } from "./ast.ts";

/** Keys that hold no runtime code (types, positions, tokens, back links): never descended into. */
const SKIP_KEYS = new Set([
  "parent",
  "loc",
  "range",
  "start",
  "end",
  "typeAnnotation",
  "typeParameters",
  "typeArguments",
  "returnType",
  "superTypeParameters",
  "superTypeArguments",
  "implements",
  "tokens",
  "comments",
]);

/** Declarations that exist only for the type checker: neither they nor their subtrees are visited. */
const SKIP_TYPES = new Set([
  "TSTypeAliasDeclaration",
  "TSInterfaceDeclaration",
  "TSEnumDeclaration",
  "TSDeclareFunction",
]);

export type VisitorKeys = Readonly<Record<string, readonly string[]>>;

/** Per visitor-key table, per node type: its child keys without SKIP_KEYS (worked out once per type). */
const childKeyCache = new WeakMap<VisitorKeys, Map<string, readonly string[]>>();

function childKeys(visitorKeys: VisitorKeys | undefined, node: EsNode): readonly string[] {
  const declared = visitorKeys?.[node.type];
  // A type the table does not know (another parser's node) falls back to every key, looked up per node.
  if (!declared) return Object.keys(node).filter((key) => !SKIP_KEYS.has(key));
  let byType = childKeyCache.get(visitorKeys!);
  if (!byType) childKeyCache.set(visitorKeys!, (byType = new Map()));
  let keys = byType.get(node.type);
  if (!keys) byType.set(node.type, (keys = declared.filter((key) => !SKIP_KEYS.has(key))));
  return keys;
}

/**
 * Pre-order walk with an explicit stack: generated code nests deeper than the call stack
 * allows (a 3,000-term `1 + 1 + ...` chain), and no input may crash a run. Children are pushed
 * last key first, last element first, so they are popped in document order. A visit that returns
 * `false` skips the node's subtree.
 */
export function walk(
  root: EsNode,
  visitorKeys: VisitorKeys | undefined,
  visit: (node: EsNode) => void | boolean,
): void {
  const stack: EsNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (SKIP_TYPES.has(node.type) || (node.type === "Decorator" && !isTimeoutDecorator(node))) continue;
    // `false`: what the node holds is not visited (a search that skips nested functions stays linear).
    if (visit(node) === false) continue;
    const keys = childKeys(visitorKeys, node);
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = node[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (isNode(child[i])) stack.push(child[i] as EsNode);
      } else if (isNode(child)) stack.push(child);
    }
  }
}

/**
 * `@timeout(60000)` (mocha-typescript, testdeck; any decorator whose callee's name ends in "timeout"): a test's timeout
 * written as a decorator, walked so the rules judge it as the call it is (by the module it is imported from). Other
 * decorators are not walked: what `@Component({...})`, `@Timeout(5000)` (NestJS's one-shot
 * job) or `@Max(3600)` mean is the framework's, and they describe the class rather than wait.
 */
function isTimeoutDecorator(node: EsNode): boolean {
  const expression = node.expression as EsNode | undefined;
  const callee = expression?.type === "CallExpression" ? (expression.callee as EsNode) : undefined;
  return callee?.type === "Identifier" && /timeout$/i.test(callee.name as string);
}
