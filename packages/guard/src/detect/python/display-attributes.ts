// The package pass's display attributes: attribute names that every binding in the package makes an object of one of
// the package's display classes (`package-displays.ts`). pyhoca-gui's dialogs reach the notifier through the
// application object they were handed (`self._PyHocaGUI.notifier.send(..., timeout=4000)` in logon.py), which no line
// of their own file makes; the application binds `self.notifier` only to `notify.libnotify_NotifierPopup(self)` and
// its siblings (frontend.py), and no module of the package binds a `notifier` to anything else, so every `.notifier`
// the package reads is one of them. One binding to anything else (a parameter, a tuple, a conditional, another
// library's object, a `setattr`, a class attribute of that name) and the name says nothing: the receiver stays unknown.
import type { Parser as TsParser, Node as TsNode, Tree } from "web-tree-sitter";
import { firstSyntaxError } from "./parser.ts";

/** How a module's parse is had (the display pass's trees are reused; undefined: it does not parse). */
export type ParseModule = (path: string, text: string, parser: TsParser) => Tree | undefined;

/**
 * Attribute name -> the class names its bindings make, for the names a module reads a display method on (`x.notifier.
 * send(`), where every binding of the name in the package is a call of one of `classes` (the classes that define a
 * display method). Only modules that mention a candidate name are parsed.
 */
export function findDisplayAttributes(
  modules: readonly (readonly [string, string])[],
  methods: readonly string[],
  classes: ReadonlySet<string>,
  parser: TsParser,
  parse: ParseModule,
  keywordOnly: (method: string) => boolean = () => false,
): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = Object.create(null) as Record<string, readonly string[]>;
  if (methods.length === 0 || classes.size === 0) return out;
  const broad = methods.filter((method) => !keywordOnly(method));
  const narrow = methods.filter(keywordOnly);
  const reads = [
    broad.length > 0 ? new RegExp(`\\.\\s*(\\w+)\\s*\\.\\s*(?:${broad.join("|")})\\b`, "g") : undefined,
    narrow.length > 0
      ? new RegExp(
          `\\.\\s*(\\w+)\\s*\\.\\s*(?:${narrow.join("|")})\\s*\\([^)]*(?:time_?out|Time_?[Oo]ut|TIME_?OUT)`,
          "g",
        )
      : undefined,
  ];
  const candidates = new Set<string>();
  for (const read of reads)
    if (read) for (const [, text] of modules) for (const match of text.matchAll(read)) candidates.add(match[1]!);
  candidates.delete("self");
  for (const name of candidates) {
    const made = new Set<string>();
    let ok = true;
    const word = new RegExp(`\\b${name}\\b`);
    for (const [path, text] of modules) {
      if (!word.test(text)) continue;
      // `setattr(self, "notifier", x)`: a binding no assignment shows.
      if (new RegExp(`\\bsetattr\\s*\\([^)]*["']${name}["']`).test(text)) ok = false;
      const tree = ok ? parse(path, text, parser) : undefined;
      if (!ok || !tree || firstSyntaxError(tree.rootNode)) {
        ok = false;
        break;
      }
      for (const id of tree.rootNode.descendantsOfType("identifier")) {
        if (!id || id.text !== name) continue;
        const verdict = binding(id, classes);
        if (verdict === false) ok = false;
        else if (typeof verdict === "string") made.add(verdict);
        if (!ok) break;
      }
      if (!ok) break;
    }
    if (ok && made.size > 0) out[name] = [...made];
  }
  return out;
}

/**
 * What the identifier `name` binds: undefined when it binds nothing (a read, a keyword's name, a local of a function),
 * the class name when it is `x.name = Cls(...)` (or `name = Cls(...)` in a class body) with `Cls` a display class,
 * false for any other binding of the attribute.
 */
function binding(id: TsNode, classes: ReadonlySet<string>): string | false | undefined {
  const parent = id.parent;
  let target: TsNode;
  if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) target = parent;
  else if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === id.id && inClassBody(parent))
    target = id;
  else return undefined;
  // Up through a tuple or list of targets to what binds it.
  let holder = target.parent;
  let direct = true;
  while (
    holder &&
    /^(pattern_list|tuple_pattern|list_pattern|expression_list|tuple|list|parenthesized_expression)$/.test(holder.type)
  ) {
    direct = false;
    holder = holder.parent;
  }
  if (!holder) return undefined;
  const stores =
    ((holder.type === "assignment" || holder.type === "augmented_assignment") &&
      isWithin(holder.childForFieldName("left"), target)) ||
    (holder.type === "for_statement" && isWithin(holder.childForFieldName("left"), target)) ||
    holder.type === "as_pattern_target" ||
    holder.type === "as_pattern";
  if (!stores) return undefined;
  if (!direct || holder.type !== "assignment") return false;
  const right = holder.childForFieldName("right");
  if (right?.type !== "call") return false;
  const made = right.childForFieldName("function");
  const cls = made?.type === "attribute" ? made.childForFieldName("attribute")?.text : made?.text;
  return (made?.type === "identifier" || made?.type === "attribute") && cls && classes.has(cls) ? cls : false;
}

function isWithin(outer: TsNode | null, inner: TsNode): boolean {
  return outer !== null && outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

// `notifier = Popup()` directly in a class's body: a class attribute every instance reads as `.notifier`.
function inClassBody(assignment: TsNode): boolean {
  const statement = assignment.parent;
  return statement?.type === "expression_statement" && statement.parent?.parent?.type === "class_definition";
}
