// The flow questions of eval/object-reads.mjs: can the object holding a value leave the package's sight, does any
// code read its key, and does a read reach this very object. README section "JS hardcoded precision: settings whose
// object nothing reads, measured and rejected" (session 17, guard-jsflow17).
import {
  boundBy,
  boundHere,
  exported,
  holder,
  keyOf,
  memberName,
  nameOf,
  rootName,
  selfFallback,
  source,
  treeOf,
  up,
  usedWhole,
} from "./object-syntax.mjs";

/** `name` is declared in the file with an object literal (an object whose every key the file shows). */
function literalBinding(tree, name) {
  return tree.nodes.some(
    (node) => node.type === "VariableDeclarator" && nameOf(node.id) === name && node.init?.type === "ObjectExpression",
  );
}
/** The text of `part` used whole elsewhere in the file (not `part.x`, not an assignment's target). */
function usedWholeText(tree, part) {
  const text = source(tree, part);
  for (const node of tree.nodes) {
    if (node.start === part.start || !/Expression|Identifier/.test(node.type) || source(tree, node) !== text) continue;
    const parent = up(tree, node);
    if (parent?.type === "MemberExpression" && (parent.object === node || parent.property === node)) continue;
    if (parent?.type === "AssignmentExpression" && parent.left === node) continue;
    if (parent?.type === "VariableDeclarator" && parent.id === node) continue;
    if (/^TS/.test(parent?.type ?? "") || /^Import/.test(parent?.type ?? "")) continue;
    if (
      (parent?.type === "Property" || parent?.type === "MethodDefinition") &&
      parent.key === node &&
      !parent.shorthand
    )
      continue;
    return true;
  }
  return false;
}
/** `this` of the class around `node` handed on whole (an argument, returned, assigned, spread). */
function thisUsedWhole(tree, node) {
  let at = node;
  while (at && !/^(ClassDeclaration|ClassExpression)$/.test(at.type)) at = tree.parent.get(at);
  if (!at) return false;
  for (const inner of tree.nodes) {
    if (inner.type !== "ThisExpression" || inner.start < at.start || inner.end > at.end) continue;
    const parent = up(tree, inner);
    if (parent?.type !== "MemberExpression" || parent.object !== inner) return true;
  }
  return false;
}
/**
 * Can the object the site writes into leave the package's sight? (See the header.) The reason it may ("" when it
 * stays): `exported`, `handed on` (used whole), `global` (another package's or a global object), `caller's`
 * (a parameter), `class exported` (`this` of a class exported from a loaded module), `argument` (a call's or
 * `new`'s), `returned`, `other`.
 */
export function leaves(tree, site, facts, full) {
  const loaded = () => facts.loaded(full);
  const classLeaves = (node) => {
    let at = node;
    while (at && !/^(ClassDeclaration|ClassExpression|FunctionDeclaration)$/.test(at.type)) at = tree.parent.get(at);
    if (!at?.id?.name) return "class anonymous";
    if (exported(tree, at, at.id.name) && loaded()) return "class exported";
    return usedWhole(tree, at.id.name, at.id) ? "handed on" : "";
  };
  if (site.kind === "constant") return exported(tree, site.node, nameOf(site.node.id)) && loaded() ? "exported" : "";
  if (site.kind === "field") return classLeaves(site.node);
  if (site.kind === "member") {
    const object = site.node.left.object;
    if (object.type === "ThisExpression") return thisUsedWhole(tree, site.node) ? "handed on" : classLeaves(site.node);
    const root = rootName(object);
    if (root && /^(module|exports)$/.test(root)) return loaded() ? "exported" : "";
    if (root && !boundHere(tree, root)) return "global"; // a global or another package's object (`jasmine.X = ...`)
    if (root && boundBy(tree, root) === "param") return "caller's"; // the caller's object
    if (root && !literalBinding(tree, root)) return "made elsewhere"; // a module, an instance, a call's result
    // `O`, or an object `O` sits in (`cfg` for `cfg.options.K = v`), used whole anywhere in the file: handed to a
    // call, returned, spread, assigned, exported.
    for (let part = object; part.type === "MemberExpression" || part.type === "Identifier"; part = part.object) {
      if (usedWholeText(tree, part)) return "handed on";
      if (part.type === "Identifier") return "";
    }
    return thisUsedWhole(tree, site.node) ? "handed on" : classLeaves(site.node);
  }
  if (site.kind !== "property") return "other";
  const { object, above } = holder(tree, site.node);
  if (!above) return "other";
  if (above.type === "VariableDeclarator" && above.id.type === "Identifier") {
    const name = above.id.name;
    if (exported(tree, above, name) && loaded()) return "exported";
    return usedWhole(tree, name, above.id) ? "handed on" : "";
  }
  if (above.type === "AssignmentExpression" && above.right === object) {
    const target = source(tree, above.left);
    if (/^(module\.exports|exports\.)/.test(target)) return loaded() ? "exported" : "";
    // `this.defaults = {...}`: as `this.defaults.K = v` would be.
    if (above.left.type === "MemberExpression") return leaves(tree, { kind: "member", node: above }, facts, full);
    return "other";
  }
  if (above.type === "CallExpression" || above.type === "NewExpression") {
    const root = rootName(above.callee);
    const how =
      root === undefined
        ? "other"
        : above.callee.type === "Identifier"
          ? (boundBy(tree, root) ?? "global")
          : `${boundBy(tree, root) ?? "global"} member`;
    return `argument (callee ${how})`;
  }
  if (above.type === "ReturnStatement" || above.type === "ArrowFunctionExpression") return "returned";
  if (above.type === "ExportDefaultDeclaration") return loaded() ? "exported" : "";
  return "other"; // spread, a default, an array, a conditional: it may leave
}

// --- the reads of K in the package ---
export function readsOf(facts, key, site, siteTree) {
  const selfStatement = site.kind === "member" || site.kind === "variable" ? site.node : undefined;
  const selfTarget = selfStatement ? source(siteTree, selfStatement.left) : undefined;
  let reads = 0;
  for (const { path, text } of facts.js) {
    if (!text.includes(key)) continue;
    const tree = treeOf(path);
    if (!tree) return Infinity; // unparsable: assume read
    for (const node of tree.nodes) {
      const parent = up(tree, node);
      const named = nameOf(node);
      if (!parent || named === undefined) continue;
      if (named !== key) {
        // a dotted path in a string (`"config.K"`, a DI name, lodash `get(o, "a.K")`) reads it
        if (node.type !== "Identifier" && named.includes(key) && named.split(/[.[\]'"]/).includes(key)) reads += 1;
        continue;
      }
      if (
        tree === siteTree &&
        selfStatement &&
        node.start >= selfStatement.right?.start &&
        node.end <= selfStatement.right?.end
      ) {
        // the site's own fallback reads what it replaces
        if (parent.type === "MemberExpression" && source(tree, parent) === selfTarget) continue;
        if (node.type === "Identifier" && selfTarget === key) continue;
      }
      if (parent.type === "MemberExpression" && parent.property === node && selfFallback(tree, parent)) continue;
      if (/^TS/.test(parent.type)) continue;
      if (parent.type === "MemberExpression" && parent.property === node) {
        const outer = up(tree, parent);
        if (outer?.type === "AssignmentExpression" && outer.left === parent && outer.operator === "=") continue; // a write
        reads += 1;
        continue;
      }
      if ((parent.type === "Property" || parent.type === "PropertyDefinition") && parent.key === node) {
        const container = up(tree, parent);
        if (container?.type === "ObjectPattern")
          reads += 1; // destructured
        else if (parent.shorthand && parent.type === "Property" && site.kind === "constant") reads += 1; // `{ K }` reads the constant
        continue; // a literal's key or a field's declaration: a write
      }
      if (parent.type === "MethodDefinition") continue;
      if (node.type === "Identifier") {
        if (site.kind !== "constant" && site.kind !== "variable") continue; // a local of the same name is another value
        if (parent.type === "VariableDeclarator" && parent.id === node) continue;
        if (parent.type === "AssignmentExpression" && parent.left === node) continue;
        if (/^(Import|Export)/.test(parent.type)) continue;
        reads += 1;
        continue;
      }
      reads += 1; // a string naming K elsewhere: a dynamic key may read it
    }
  }
  return reads;
}

// --- the reads that can reach the object (object level) ---
/** `a.b.c` as ["a", "b", "c"] (`this` as "this"); undefined where a link is computed or not a name. */
function chainOf(node) {
  if (node.type === "Identifier") return [node.name];
  if (node.type === "ThisExpression") return ["this"];
  if (node.type !== "MemberExpression") return undefined;
  const name = memberName(node);
  const head = name === undefined ? undefined : chainOf(node.object);
  return head && [...head, name];
}
/** The path from a root binding (or `this`) to the value: `N.a.K`, `this.config.K`, `cfg.options.K`. */
export function pathOf(tree, site) {
  if (site.kind === "member") return chainOf(site.node.left);
  if (site.kind !== "property") return undefined;
  const keys = [];
  let property = site.node;
  for (;;) {
    keys.unshift(keyOf(property));
    const object = up(tree, property);
    const above = up(tree, object);
    if (above?.type === "Property" && above.value && up(tree, above)?.type === "ObjectExpression") property = above;
    else if (above?.type === "VariableDeclarator" && above.id.type === "Identifier") return [above.id.name, ...keys];
    else if (above?.type === "AssignmentExpression" && above.right === object) {
      const head = chainOf(above.left);
      return head && [...head, ...keys];
    } else return undefined;
  }
}
/**
 * Some read can reach the value at `path`: a chain from the same root that agrees with the path as far as both go,
 * read (not an assignment's target, not the site's own fallback), a shorter one only where its object is used whole.
 * A `this` path is looked for in every file (subclasses), and by its tail after `this` on any receiver (instances).
 */
export function reached(tree, site, path, facts) {
  const files = path[0] === "this" ? facts.js.map((file) => treeOf(file.path)).filter(Boolean) : [tree];
  const tail = path.slice(1);
  for (const file of files) {
    for (const node of file.nodes) {
      if (node.type !== "MemberExpression" && node.type !== "Identifier" && node.type !== "ThisExpression") continue;
      const parent = up(file, node);
      if (parent?.type === "MemberExpression" && parent.property === node) continue;
      const chain = chainOf(node);
      if (!chain) {
        // `O[k]` with a key computed at run time may read any key of `O`
        const head = node.type === "MemberExpression" && chainOf(node.object);
        if (head && head[0] === path[0] && head.length < path.length && head.every((link, i) => link === path[i]))
          return true;
        continue;
      }
      const outer = parent?.type === "MemberExpression" && parent.object === node;
      const written = parent?.type === "AssignmentExpression" && parent.left === node && parent.operator === "=";
      if (written || (file === tree && node.start >= site.node.start && node.end <= site.node.end)) continue;
      if (node.type === "MemberExpression" && selfFallback(file, node)) continue;
      if (parent?.type === "VariableDeclarator" && parent.id === node) continue;
      if (/^TS/.test(parent?.type ?? "") || /^Import/.test(parent?.type ?? "")) continue;
      const agrees = (from, to) => from.every((link, i) => i >= to.length || link === to[i]);
      if (chain[0] === path[0] && agrees(chain, path) && (chain.length >= path.length || !outer)) return true;
      if (path[0] === "this" && chain[0] !== "this" && tail.length > 1 && chain.length > tail.length) {
        if (agrees(chain.slice(chain.length - tail.length), tail) && !outer) return true;
      }
    }
  }
  return false;
}
