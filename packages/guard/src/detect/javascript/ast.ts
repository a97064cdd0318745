// ESTree helpers shared by the JavaScript rules: node shapes, names, callee paths, bindings.

export type EsNode = { type: string; [key: string]: unknown };

const WRAPPERS = new Set([
  "ParenthesizedExpression",
  "TSAsExpression",
  "TSSatisfiesExpression",
  "TSNonNullExpression",
  "TSTypeAssertion",
  "ChainExpression",
]);

/** How deep constant folding and classification follow an expression; deeper ones are generated code. */
export const MAX_DEPTH = 64;

export const isNode = (value: unknown): value is EsNode =>
  typeof value === "object" && value !== null && typeof (value as EsNode).type === "string";

export function span(node: EsNode): [number, number] {
  const range = node.range as [number, number] | undefined;
  return range ?? [node.start as number, node.end as number];
}

/**
 * How often `name` occurs in `text` as an identifier of its own: not part of a longer name, not a property
 * (`x.name`). Text, not syntax: a mention in a string or a comment counts too.
 */
export function identifierCount(text: string, name: string): number {
  return text.match(new RegExp(`(?<![\\w$.])${name.replace(/[$]/g, "\\$")}(?![\\w$])`, "g"))?.length ?? 0;
}

/** `require("x")`, also wrapped (`__importStar(require("x"))`, `tslib.__importDefault(require("x"))`): "x". */
export function requiredModule(init: EsNode): string | undefined {
  let node = unwrap(init);
  for (let depth = 0; depth < 3 && node.type === "CallExpression"; depth++) {
    const callee = unwrap(node.callee as EsNode);
    const first = (node.arguments as EsNode[])[0];
    if (callee.type === "Identifier" && callee.name === "require") {
      return first?.type === "Literal" && typeof first.value === "string" ? first.value : undefined;
    }
    if (!first) return undefined;
    node = unwrap(first);
  }
  return undefined;
}

/** The name a value is stored under, for declarators, properties and assignments. */
export function destinationOf(node: EsNode): { name: string; value: EsNode } | undefined {
  let name: string | undefined;
  let value: unknown;
  if (node.type === "VariableDeclarator" && (node.id as EsNode).type === "Identifier") {
    name = (node.id as EsNode).name as string;
    value = node.init;
  } else if (node.type === "Property" || node.type === "PropertyDefinition") {
    name = propertyName(node);
    value = node.value;
  } else if (node.type === "AssignmentExpression" || node.type === "AssignmentPattern") {
    const left = node.left as EsNode;
    name = referenceName(left);
    value = node.right;
  }
  return name !== undefined && isNode(value) ? { name, value } : undefined;
}

export function unwrapAwait(node: EsNode): EsNode {
  const inner = unwrap(node);
  return inner.type === "AwaitExpression" ? unwrap(inner.argument as EsNode) : inner;
}

/**
 * The name of a call's receiver: `redis` for `redis.del` and `redis.multi().del` (through the
 * call chain), `redisClient` for `this.redisClient.del`, `subscriber` for `this.redis.condition.subscriber.del`
 * (the object the method runs on decides, not a name further up the chain).
 */
export function chainRoot(node: EsNode): string | undefined {
  let current = unwrap(node);
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    if (current.type === "Identifier") return current.name as string;
    if (current.type === "MemberExpression") return memberName(current);
    if (current.type !== "CallExpression") return undefined;
    const callee = unwrap(current.callee as EsNode);
    if (callee.type !== "MemberExpression") return undefined;
    current = unwrap(callee.object as EsNode);
  }
  return undefined;
}

/** `null`, `undefined`, `void 0` (a regular expression literal's `value` may be null too: its `raw` tells). */
export function isNullish(node: EsNode): boolean {
  return (
    (node.type === "Literal" && node.value === null && (node.raw === undefined || node.raw === "null")) ||
    (node.type === "Identifier" && node.name === "undefined") ||
    (node.type === "UnaryExpression" && node.operator === "void")
  );
}

export const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

export function unwrap(node: EsNode): EsNode {
  let current = node;
  while (WRAPPERS.has(current.type)) current = current.expression as EsNode;
  return current;
}

/** `Number(x)`, `parseInt(x, 10)`, `Number.parseFloat(x)`: a conversion, whose value is its first argument's. */
export const CONVERSION = /^(Number|parseInt|parseFloat|Number\.parseInt|Number\.parseFloat)$/;

/** What a conversion converts (`opts.timeout` in `Number(opts.timeout)`); any other node as it is. */
export function converted(node: EsNode): EsNode {
  const first = node.type === "CallExpression" ? (node.arguments as EsNode[])[0] : undefined;
  return first && CONVERSION.test(calleePath(node.callee as EsNode) ?? "") ? unwrap(first) : node;
}

export function isFunction(node: EsNode): boolean {
  return node.type === "ArrowFunctionExpression" || node.type === "FunctionExpression" || node.type === "Identifier";
}

export function isPattern(node: EsNode): boolean {
  return node.type === "ObjectPattern" || node.type === "ArrayPattern";
}

export function propertyName(node: EsNode): string | undefined {
  const key = node.key as EsNode;
  if (!node.computed && (key.type === "Identifier" || key.type === "PrivateIdentifier")) return key.name as string;
  if (key.type === "Literal" && typeof key.value === "string") return key.value;
  if (key.type === "TemplateLiteral" && (key.expressions as unknown[]).length === 0) {
    return ((key.quasis as EsNode[])[0]?.value as { cooked?: string } | undefined)?.cooked;
  }
  return undefined;
}

/** The name a reference ends in: `timeout`, `opts.timeout`, `this[kTimeout]`; undefined for anything else. */
export function referenceName(node: EsNode): string | undefined {
  if (node.type === "Identifier") return node.name as string;
  return node.type === "MemberExpression" ? memberName(node) : undefined;
}

export function memberName(node: EsNode): string | undefined {
  const property = node.property as EsNode;
  if (!node.computed && (property.type === "Identifier" || property.type === "PrivateIdentifier")) {
    return property.name as string;
  }
  if (property.type === "Literal" && typeof property.value === "string") return property.value;
  // `this[kBodyTimeout]`: a symbol key named for what it holds (undici, ws).
  if (node.computed && property.type === "Identifier" && /^k[A-Z]/.test(property.name as string)) {
    return property.name as string;
  }
  return undefined;
}

/**
 * Callee paths already worked out, by callee node (`null`: none): the rules ask for the path of every call they read,
 * about a dozen times per call of a checked file, and a parsed tree is never changed, so a path never goes stale.
 */
const calleePaths = new WeakMap<EsNode, string | null>();

/** `page.setDefaultTimeout` for `page.setDefaultTimeout(...)`; undefined for computed or dynamic callees. */
export function calleePath(node: EsNode): string | undefined {
  if (typeof node !== "object" || node === null) return pathOf(node);
  const known = calleePaths.get(node);
  if (known !== undefined) return known ?? undefined;
  const path = pathOf(node);
  calleePaths.set(node, path ?? null);
  return path;
}

function pathOf(node: EsNode): string | undefined {
  const names: string[] = [];
  let current = unwrap(node);
  // `(0, util_1.timeout)(ms)`: TypeScript's and Babel's call of an imported function.
  const parts = current.type === "SequenceExpression" ? (current.expressions as EsNode[]) : undefined;
  if (parts?.length === 2 && unwrap(parts[0]!).type === "Literal") current = unwrap(parts[1]!);
  while (current.type === "MemberExpression" && names.length <= MAX_DEPTH) {
    const name = memberName(current);
    if (name === undefined) {
      if (names.length === 0) return undefined;
      names.unshift("<expr>");
      return names.join(".");
    }
    names.unshift(name);
    current = unwrap(current.object as EsNode);
  }
  if (current.type === "Identifier") names.unshift(current.name as string);
  else if (current.type === "ThisExpression") names.unshift("this");
  else if (current.type === "CallExpression") names.unshift("<call>");
  else if (names.length === 0) return undefined;
  else names.unshift("<expr>");
  return names.join(".");
}

export function bindingIdentifiers(node: EsNode): string[] {
  const names: string[] = [];
  const collect = (pattern: unknown): void => {
    if (!isNode(pattern)) return;
    if (pattern.type === "Identifier") names.push(pattern.name as string);
    else if (pattern.type === "AssignmentPattern") collect(pattern.left);
    else if (pattern.type === "RestElement") collect(pattern.argument);
    else if (pattern.type === "ArrayPattern") (pattern.elements as unknown[]).forEach(collect);
    else if (pattern.type === "ObjectPattern") {
      for (const property of pattern.properties as EsNode[])
        collect(property.type === "RestElement" ? property : property.value);
    } else if (pattern.type === "TSParameterProperty") collect(pattern.parameter);
  };
  if (node.type === "VariableDeclarator") collect(node.id);
  if (
    node.type === "FunctionDeclaration" ||
    node.type === "FunctionExpression" ||
    node.type === "ArrowFunctionExpression"
  ) {
    (node.params as unknown[]).forEach(collect);
  }
  if (node.type === "CatchClause") collect(node.param);
  return names;
}

/**
 * The names an expression reads, through arithmetic, fallbacks, conditionals and a conversion's first argument:
 * `opts.timeout || 0` reads `timeout`, `t * 1000` reads `t`, `Number(t)` reads `t`.
 */
export function namesRead(raw: EsNode, depth = 0, out: string[] = []): string[] {
  if (depth > 3) return out;
  const node = unwrap(raw);
  const name = referenceName(node);
  if (name !== undefined) out.push(name);
  else if (node.type === "BinaryExpression" || node.type === "LogicalExpression") {
    namesRead(node.left as EsNode, depth + 1, out);
    namesRead(node.right as EsNode, depth + 1, out);
  } else if (node.type === "ConditionalExpression") {
    namesRead(node.consequent as EsNode, depth + 1, out);
    namesRead(node.alternate as EsNode, depth + 1, out);
  } else if (node.type === "CallExpression" && (node.arguments as EsNode[])[0]) {
    // `Number(t)`, `parseInt(t, 10)`, `Math.max(t, 1)`: a conversion passes the name on.
    namesRead((node.arguments as EsNode[])[0]!, depth + 1, out);
  }
  return out;
}
