// Syntax helpers of eval/object-reads.mjs: a file's tree with parents, the site a finding names, and how a file binds
// and uses a name. README section "JS hardcoded precision: settings whose object nothing reads, measured" (session 17).
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseSync } from "oxc-parser";

// --- trees with parents, parsed once per file ---
const trees = new Map();
export function treeOf(path) {
  if (trees.has(path)) return trees.get(path);
  let tree;
  try {
    const text = readFileSync(path, "utf8");
    const { program } = parseSync(basename(path), text);
    const parent = new Map();
    const nodes = [];
    const walk = (node, up) => {
      if (!node || typeof node.type !== "string") return;
      parent.set(node, up);
      nodes.push(node);
      for (const [field, value] of Object.entries(node)) {
        if (field === "type" || field === "start" || field === "end" || !value || typeof value !== "object") continue;
        if (Array.isArray(value)) for (const child of value) walk(child, node);
        else walk(value, node);
      }
    };
    walk(program, null);
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
    tree = { text, program, parent, nodes, lineStarts };
  } catch {
    tree = null;
  }
  trees.set(path, tree);
  return tree;
}
export const lineOf = (tree, offset) => {
  let [lo, hi] = [0, tree.lineStarts.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tree.lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
};
export const nameOf = (node) =>
  !node
    ? undefined
    : node.type === "Identifier" || node.type === "PrivateIdentifier"
      ? node.name
      : (node.type === "Literal" || node.type === "StringLiteral") && typeof node.value === "string"
        ? node.value
        : undefined;
export const keyOf = (node) => (node.computed && !/Literal/.test(node.key?.type ?? "") ? undefined : nameOf(node.key));
export const memberName = (node) =>
  node.computed ? (/Literal/.test(node.property.type) ? nameOf(node.property) : undefined) : nameOf(node.property);
const WRAPPERS = new Set(["TSAsExpression", "TSSatisfiesExpression", "TSNonNullExpression", "ParenthesizedExpression"]);
export const up = (tree, node) => {
  let at = tree.parent.get(node);
  while (at && WRAPPERS.has(at.type)) at = tree.parent.get(at);
  return at;
};

// --- the site ---
/** The node the finding names: a property `K: v`, an assignment `O.K = v`, a declarator `K = v`, a default `K = v`. */
export function siteOf(tree, line, key) {
  let best;
  for (const node of tree.nodes) {
    if (lineOf(tree, node.start) > line || lineOf(tree, node.end) < line) continue;
    let site;
    if ((node.type === "Property" || node.type === "PropertyDefinition") && keyOf(node) === key)
      site = { kind: node.type === "Property" ? "property" : "field", node };
    else if (
      node.type === "AssignmentExpression" &&
      node.left.type === "MemberExpression" &&
      memberName(node.left) === key
    )
      site = { kind: "member", node };
    else if (node.type === "VariableDeclarator" && nameOf(node.id) === key) site = { kind: "constant", node };
    else if (node.type === "AssignmentExpression" && nameOf(node.left) === key) site = { kind: "variable", node };
    else if (node.type === "AssignmentPattern" && nameOf(node.left) === key) site = { kind: "default", node };
    if (site && (!best || node.end - node.start < best.node.end - best.node.start)) best = site;
  }
  return best;
}
export const source = (tree, node) => tree.text.slice(node.start, node.end).replace(/\s+/g, "");

/** Where a value written into an object literal ends up: the literal's outermost object and what holds it. */
export function holder(tree, property) {
  let object = up(tree, property);
  for (;;) {
    const above = up(tree, object);
    if (above?.type === "Property" && above.value && up(tree, above)?.type === "ObjectExpression")
      object = up(tree, above);
    else return { object, above };
  }
}

/** A use of a binding that hands its whole object on (not `N.x`, not its own declaration, not a type). */
export function usedWhole(tree, name, declaration) {
  for (const node of tree.nodes) {
    if (node.type !== "Identifier" || node.name !== name || node === declaration) continue;
    const parent = up(tree, node);
    if (!parent) continue;
    if (parent.type === "MemberExpression" && parent.object === node) continue;
    if (
      (parent.type === "Property" || parent.type === "PropertyDefinition" || parent.type === "MethodDefinition") &&
      parent.key === node &&
      !parent.shorthand
    )
      continue;
    if (parent.type === "MemberExpression" && parent.property === node && !parent.computed) continue;
    if (/^TS/.test(parent.type)) continue;
    if (parent.type === "VariableDeclarator" && parent.id === node) continue;
    if (parent.type === "ImportSpecifier" || parent.type === "ImportDefaultSpecifier") continue;
    return true;
  }
  return false;
}
/** Is the binding `name` (declared at `declarator`) exported by its module? */
export function exported(tree, declarator, name) {
  for (let at = declarator; at; at = tree.parent.get(at)) if (/^Export/.test(at.type)) return true;
  return new RegExp(
    `\\bexports\\.${name}\\s*=|module\\.exports\\s*=\\s*${name}\\b|export\\s*\\{[^}]*\\b${name}\\b|module\\.exports\\s*=\\s*\\{[^}]*\\b${name}\\b`,
  ).test(tree.text);
}

export const rootName = (node) =>
  node.type === "Identifier" ? node.name : node.type === "MemberExpression" ? rootName(node.object) : undefined;
/** How the file binds `name`: "param", "import" (from another package), "local", or undefined. */
export function boundBy(tree, name) {
  for (const node of tree.nodes) {
    if (node.type === "Identifier" && node.name === name) {
      const parent = up(tree, node);
      if (parent?.type === "VariableDeclarator" && parent.id === node) {
        const init = parent.init;
        if (
          init?.type === "CallExpression" &&
          init.callee?.name === "require" &&
          !/^\./.test(init.arguments[0]?.value ?? "")
        )
          return "import";
        return "local";
      }
      if ((parent?.type === "FunctionDeclaration" || parent?.type === "ClassDeclaration") && parent.id === node)
        return "local";
      if (/Function/.test(parent?.type ?? "") && parent.params?.includes(node)) return "param";
      if (parent?.type === "AssignmentPattern" && /Function/.test(up(tree, parent)?.type ?? "")) return "param";
      if (/^Import/.test(parent?.type ?? "")) {
        const declaration = up(tree, parent);
        return /^\./.test(declaration?.source?.value ?? "") ? "local" : "import";
      }
    }
  }
  return undefined;
}
export const boundHere = (tree, name) => {
  const how = boundBy(tree, name);
  return how === "local" || how === "param";
};
/** `x.K` inside `x.K = x.K || v` (any file: a build's copy of the site too) reads only what it is about to replace. */
export function selfFallback(tree, member) {
  const text = source(tree, member);
  for (let at = up(tree, member); at; at = up(tree, at)) {
    if (at.type === "AssignmentExpression") return at.left !== member && source(tree, at.left) === text;
    if (!/LogicalExpression|ConditionalExpression|ChainExpression/.test(at.type)) return false;
  }
  return false;
}
