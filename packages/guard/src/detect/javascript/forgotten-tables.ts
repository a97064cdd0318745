// What a table a timer forgets an entry of holds (`forgetting-timers.ts`). Dropping a cache record when its
// lifetime runs out ends nothing; dropping a pending request's handlers (`pending.set(id, { resolve, reject })`) or
// freeing a lock that refuses the next caller while held (`if (locks[key]) return false`) is how the file ends a wait.
// And `.delete(key)` forgets only on the file's own `Map`/`Set`: `pod.delete()` or an HTTP client's `.delete(url)`
// ends a remote resource.
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, referenceName, unwrap } from "./ast.ts";
import { walk, type VisitorKeys } from "./walk.ts";

/** A value that is a waiter's handle: `resolve`, `reject`, `callback`, `cb`, `done`, `onTimeout`. */
const HANDLER_NAME = /^(resolve|reject|res|rej|callback|cb|done|next|handler|listener|deferred|on[A-Z]\w*)$/;

/** `new Map()`, `new WeakMap()`, `new Set()`: an in-memory collection the file keeps. */
const COLLECTION = /^(Weak)?(Map|Set)$/;

/** What the file does with one table (known by the name it is kept under). */
export interface TableRole {
  /** Bound to `new Map()` / `new Set()` somewhere in the file. */
  readonly collection: boolean;
  /** Some entry stored in it is a function or carries one (`{ resolve, reject }`): a table of waiters. */
  readonly waiters: boolean;
  /** Its entry is tested and a present one turns the caller away without reading it (`if (locks[key]) return`). */
  readonly gate: boolean;
}

/** The roles of the tables a file's forgetting timers name, worked out on demand (few files have such timers). */
export class TableRoles {
  private readonly roles = new Map<string, TableRole>();

  constructor(
    private readonly program: EsNode,
    private readonly visitorKeys: VisitorKeys | undefined,
  ) {}

  /** The role of the table kept under `name` (`pending`, `this._locks` as `_locks`). */
  role(name: string): TableRole {
    let role = this.roles.get(name);
    if (!role) this.roles.set(name, (role = this.read(name)));
    return role;
  }

  private read(name: string): TableRole {
    let waiters = false;
    let gate = false;
    const named = (node: unknown): boolean => isNode(node) && referenceName(unwrap(node)) === name;
    walk(this.program, this.visitorKeys, (node) => {
      if (node.type === "CallExpression") {
        const callee = unwrap(node.callee as EsNode);
        const args = node.arguments as EsNode[];
        // `pending.set(id, { resolve, reject })`, `callbacks.add(cb)`.
        if (callee.type === "MemberExpression" && named(callee.object) && args.some(isHandler)) waiters = true;
      }
      // `pending[id] = resolve`.
      if (node.type === "AssignmentExpression" && isNode(node.left) && isNode(node.right)) {
        const left = unwrap(node.left);
        if (left.type === "MemberExpression" && left.computed && named(left.object) && isHandler(node.right))
          waiters = true;
      }
      if (node.type === "IfStatement" && isNode(node.test) && turnsAway(node, name, this.visitorKeys)) gate = true;
    });
    return { collection: boundToCollection(this.program, this.visitorKeys, name), waiters, gate };
  }
}

/** `resolve`, `() => ...`, `{ resolve, reject }`, `[resolve, reject]`: a function, or a value that carries one. */
function isHandler(raw: EsNode): boolean {
  const value = unwrap(raw);
  if (FUNCTION_TYPES.has(value.type)) return true;
  if (value.type === "Identifier") return HANDLER_NAME.test(value.name as string);
  if (value.type === "ObjectExpression")
    return (value.properties as EsNode[]).some((p) => p.type === "Property" && isNode(p.value) && isHandler(p.value));
  if (value.type === "ArrayExpression") return (value.elements as unknown[]).some((e) => isNode(e) && isHandler(e));
  return false;
}

/**
 * `if (locks[key]) return false`, `if (locks.has(key)) throw ...`: the table's entry is tested, and the caller is
 * turned away (returns or throws) without the entry being read. A cache returns what it holds (`return cache[key]`).
 */
function turnsAway(statement: EsNode, name: string, visitorKeys: VisitorKeys | undefined): boolean {
  if (!testsEntry(statement.test as EsNode, name)) return false;
  let consequent = statement.consequent as EsNode;
  if (consequent.type === "BlockStatement" && (consequent.body as EsNode[]).length === 1)
    consequent = (consequent.body as EsNode[])[0]!;
  if (consequent.type !== "ReturnStatement" && consequent.type !== "ThrowStatement") return false;
  const argument = consequent.argument;
  return !isNode(argument) || !mentions(argument, name, visitorKeys);
}

/** `locks[key]`, `!locks[key]`, `locks[key] !== undefined`, `locks.has(key)`, `key in locks`: a test of an entry. */
function testsEntry(raw: EsNode, name: string): boolean {
  const test = unwrap(raw);
  const named = (node: unknown): boolean => isNode(node) && referenceName(unwrap(node)) === name;
  if (test.type === "UnaryExpression" && test.operator === "!") return testsEntry(test.argument as EsNode, name);
  if (test.type === "LogicalExpression")
    return testsEntry(test.left as EsNode, name) || testsEntry(test.right as EsNode, name);
  if (test.type === "BinaryExpression")
    return test.operator === "in"
      ? named(test.right)
      : testsEntry(test.left as EsNode, name) || testsEntry(test.right as EsNode, name);
  if (test.type === "MemberExpression") return Boolean(test.computed) && named(test.object);
  if (test.type !== "CallExpression") return false;
  const callee = unwrap(test.callee as EsNode);
  return callee.type === "MemberExpression" && /^(has|get)$/.test(referenceName(callee) ?? "") && named(callee.object);
}

/** Whether `node` reads the table kept under `name` anywhere. */
function mentions(node: EsNode, name: string, visitorKeys: VisitorKeys | undefined): boolean {
  let found = false;
  walk(node, visitorKeys, (inner) => {
    if (found) return false;
    if (inner.type === "MemberExpression" && referenceName(unwrap(inner.object as EsNode)) === name) found = true;
    if (inner.type === "Identifier" && inner.name === name) found = true;
  });
  return found;
}

/** `const pending = new Map()`, `this._locks = new Map()`, `cache = new Set()`: the name is bound to a collection. */
function boundToCollection(program: EsNode, visitorKeys: VisitorKeys | undefined, name: string): boolean {
  let bound = false;
  const collection = (value: unknown): boolean => {
    if (!isNode(value)) return false;
    const node = unwrap(value);
    return node.type === "NewExpression" && COLLECTION.test(calleePath(node.callee as EsNode) ?? "");
  };
  walk(program, visitorKeys, (node) => {
    if (bound) return false;
    if (node.type === "VariableDeclarator" && (node.id as EsNode).type === "Identifier")
      bound = (node.id as EsNode).name === name && collection(node.init);
    else if (node.type === "AssignmentExpression" && isNode(node.left))
      bound = referenceName(unwrap(node.left)) === name && collection(node.right);
    else if (node.type === "PropertyDefinition" || node.type === "Property")
      bound = isNode(node.key) && referenceName(node.key as EsNode) === name && collection(node.value);
  });
  return bound;
}
