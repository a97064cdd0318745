// The package pass's display-only parameters (`display-parameters.ts`): for each function or method name, the timeout
// parameters that every definition of it in the package reads only as how long a message shows. Only modules that
// name a display call are parsed, then (one more round) the modules that call a name the first round found, so a
// `notify(self, text, timeout=5)` that hands its `timeout` to a display-only `send` is found too.
import type { Parser as TsParser, Node as TsNode, Tree } from "web-tree-sitter";
import type { GuardConfig } from "../../config.ts";
import { classOf } from "./callees.ts";
import { findDisplayAttributes, type ParseModule } from "./display-attributes.ts";
import { displayOnly } from "./display-parameters.ts";
import { readsOf } from "./local-reads.ts";
import { PyFacts } from "./facts.ts";
import type { DisplayParameters, PythonFacts } from "./package-keepers.ts";
import { readableTree } from "./package-modules.ts";
import { scanPython } from "./scan.ts";
import { parameterName } from "./syntax.ts";
import type { Signatures } from "./timeout-positions.ts";

/**
 * A module that may hand a duration to a display call (`displays.ts`), or a timeout's word to a sleep (a function that
 * only sleeps pauses for its parameter: `display-parameters.ts`).
 */
const DISPLAY_CALL =
  /\b(showMessage|ShowBalloon|set_timeout|setTimeout|Notify|Show|setInterval)[ \t]*\(|\b(timeout_add(_seconds)?|singleShot|CallLater|Timer|call_later|callLater|sleep|qWait)[ \t]*\([ \t]*(int[ \t]*\()?[ \t]*\w*(time_?out|Time_?[Oo]ut|TIME_?OUT)/;
/**
 * A module that may keep a duration as an entry's expiry: a timeout's word added to something, or the clock added to
 * something (`data[key] = (pos, val, time.time() + timeout)`, `self.expires = now + self.default_timeout`).
 */
const EXPIRY_SHAPE =
  /\+[ \t]*(self\.)?\w*(time_?out|Time_?[Oo]ut|TIME_?OUT)\b|\b(time|monotonic)[ \t]*\([ \t]*\)[ \t]*\+/;
/** A timeout's word as names spell it. */
const TIMEOUT_WORD = "time_?out|Time_?[Oo]ut|TIME_?OUT";
/** How many rounds: the display calls' own callers and other definitions, then their callers, then theirs. */
const ROUNDS = 3;

/** Fills `python.displays` from the package's modules (paths and texts), parsing each candidate once. */
export function findDisplayParameters(
  modules: readonly (readonly [string, string])[],
  python: PythonFacts,
  config: GuardConfig,
  parser: TsParser,
  signatures: Signatures,
  isTimeout: (name: string) => boolean,
): void {
  const trees = new Map<string, Tree | undefined>();
  // Each module parsed once, for both passes; one that does not parse cleanly is none.
  const parse: ParseModule = (path, text) => {
    if (!trees.has(path)) trees.set(path, readableTree(parser, text));
    return trees.get(path);
  };
  const moduleFacts = new Map<string, PyFacts>();
  try {
    let names: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // A module that defines one of them, or calls one with a timeout's word or `**kwargs` among its arguments.
      const list = names.join("|");
      const called =
        names.length > 0
          ? new RegExp(`\\b(def|class)[ \\t]+(${list})[ \\t]*[(:]|\\b(${list})[ \\t]*\\([^)]*(${TIMEOUT_WORD}|\\*\\*)`)
          : undefined;
      // Per name: what each definition read does with its timeout parameters and what it takes.
      const found = new Map<string, { definitions: Definition[]; classes: Set<string> }>();
      for (const [path, text] of modules) {
        if (!DISPLAY_CALL.test(text) && !(round === 0 && EXPIRY_SHAPE.test(text)) && !called?.test(text)) continue;
        const tree = parse(path, text, parser);
        if (!tree) continue;
        // Its bindings, collected once: a receiver is the package's own object only where the module shows what made
        // it. (The facts read `python.displays` as each round leaves it.)
        let facts = moduleFacts.get(path);
        if (!facts) {
          moduleFacts.set(path, (facts = new PyFacts({ ...config, path, python }, text)));
          facts.collect(scanPython(tree.rootNode, false, false).nodes);
        }
        for (const fn of tree.rootNode.descendantsOfType("function_definition")) {
          const name = fn?.childForFieldName("name")?.text;
          if (!fn || !name) continue;
          const cls = classOf(fn)?.childForFieldName("name")?.text;
          const shown = timeoutParameters(fn, isTimeout).filter(([parameter]) => displayOnly(facts, fn, parameter));
          // A class's `__init__` is also what a call of the class by its name runs (`ExpiringLRUCache(size,
          // default_timeout=t)`): kept under the class's name too, as a module-level callee ("").
          for (const [key, holder] of [
            [name, cls ?? ""],
            ...(name === "__init__" && cls ? [[cls, ""] as const] : []),
          ] as const) {
            const entry = found.get(key) ?? { definitions: [], classes: new Set() };
            entry.classes.add(holder);
            found.set(key, entry);
            entry.definitions.push({ shown, ...takes(fn, key, python.displays) });
          }
        }
      }
      const displays: Record<string, DisplayParameters> = Object.create(null) as Record<string, DisplayParameters>;
      const candidates: string[] = [];
      for (const [name, { definitions, classes }] of found) {
        if (/^__\w+__$/.test(name)) continue;
        // Its keywords some definition shows, or passes on through `**kwargs` to a call that shows them (`def
        // warn(self, text, *args, **kw): ... self.status(text, *args, **kw)`).
        const named = definitions.flatMap((d) => [
          ...d.shown.map(([k]) => k),
          ...(d.forwarded instanceof Set ? d.forwarded : []),
        ]);
        if (named.length > 0) candidates.push(name);
        // Every definition of the name in the package, each read here: another one may wait with its parameter.
        if (definitions.length !== signatures.count(name) + signatures.classCount(name)) continue;
        const keys = [...new Set(named)].filter((key) =>
          definitions.every((d) => d.shown.some(([k]) => k === key) || refuses(d, key)),
        );
        // A place counts only where every definition shows its parameter there.
        const places = [...new Set(definitions.flatMap((d) => d.shown.map(([, i]) => i)))].filter(
          (place) => place >= 0 && definitions.every((d) => d.shown.some(([, i]) => i === place)),
        );
        if (keys.length > 0) displays[name] = { keywords: keys, positions: places, classes: [...classes] };
      }
      (python as { displays?: Record<string, DisplayParameters> }).displays = displays;
      // The next round reads the modules that call (or define) a name some definition shows: its other definitions,
      // its forwarders and its callers.
      names = candidates.map((name) => name.replace(/\W/g, ""));
      if (names.length === 0) return;
    }
    // `self._app.notifier.send(...)`: receivers no line of their file makes, named by an attribute the package binds
    // only to its display classes' objects (`display-attributes.ts`).
    const displays = python.displays ?? {};
    const classes = new Set(Object.values(displays).flatMap((d) => d.classes.filter((c) => c !== "")));
    (python as { displayAttributes?: Record<string, readonly string[]> }).displayAttributes = findDisplayAttributes(
      modules,
      Object.keys(displays).map((name) => name.replace(/\W/g, "")),
      classes,
      parser,
      parse,
      // A method known by keyword only is read where a call passes a timeout's word (`notifier.update(...,
      // status_timeout=2)`); one with display places, anywhere it is called.
      (name) => (displays[name]?.positions.length ?? 0) === 0,
    );
  } finally {
    for (const tree of trees.values()) tree?.delete();
  }
}

/** A definition's timeout-named parameters with their place among the positional ones (`self` left out; -1: keyword-only). */
function timeoutParameters(fn: TsNode, isTimeout: (name: string) => boolean): [string, number][] {
  const out: [string, number][] = [];
  let index = 0;
  let keywordOnly = false;
  const parameters = (fn.childForFieldName("parameters")?.namedChildren ?? []).filter(
    (p): p is TsNode => p !== null && p.type !== "comment",
  );
  for (const [at, parameter] of parameters.entries()) {
    if (/splat|separator/.test(parameter.type)) {
      keywordOnly = true;
      continue;
    }
    const name = parameterName(parameter);
    if (!name || (at === 0 && (name === "self" || name === "cls"))) continue;
    if (isTimeout(name)) out.push([name, keywordOnly ? -1 : index]);
    if (!keywordOnly) index++;
  }
  return out;
}

/** One definition of a name: its display-only timeout parameters, what keywords it takes, where `**kwargs` go. */
interface Definition {
  readonly shown: readonly [string, number][];
  readonly parameters: ReadonlySet<string>;
  /** Keywords its `**kwargs` pass on only to calls that show them (undefined: no `**kwargs`; null: anything else). */
  readonly forwarded?: ReadonlySet<string> | "any" | null;
}

/**
 * A definition cannot wait with `key`: it has no parameter of that name, and either no `**kwargs` (a call that passes
 * it fails with a TypeError: `def status(self, *x): pass` of a stub) or one that passes it on only to a definition of
 * its own name (`def status(self, *args, **kw): self.parent.status(*args, **kw)`, checked with every other one) or of a
 * name whose definitions show it.
 */
function refuses(definition: Definition, key: string): boolean {
  if (definition.parameters.has(key)) return false;
  const forwarded = definition.forwarded;
  return forwarded === undefined || forwarded === "any" || (forwarded !== null && forwarded.has(key));
}

// The parameter names of `fn` and what its `**kwargs` do: every read of the name is `**kw` handed to a call of the
// definition's own name or of a name with display-only keywords (the keywords it shows), a store to one of its keys
// (`kw["icon"] = ...`) or a membership test (`"icon" in kw`).
function takes(
  fn: TsNode,
  name: string,
  displays: Readonly<Record<string, DisplayParameters>> | undefined,
): Omit<Definition, "shown"> {
  const parameters = new Set<string>();
  let splat: string | undefined;
  for (const written of fn.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!written || written.type === "comment") continue;
    // `timeout: float`, `**kw: Any`: the name (or splat) under its annotation.
    const parameter = written.type === "typed_parameter" ? (written.namedChildren[0] ?? written) : written;
    if (parameter.type === "dictionary_splat_pattern") splat = parameter.namedChildren[0]?.text;
    else if (parameter.type === "identifier") parameters.add(parameter.text);
    else if (parameter.type !== "list_splat_pattern") parameters.add(parameter.childForFieldName("name")?.text ?? "");
  }
  if (splat === undefined) return { parameters };
  const body = fn.childForFieldName("body");
  let forwarded: Set<string> | "any" = "any";
  for (const id of readsOf(body, splat)) {
    const parent = id.parent;
    if (parent?.type === "subscript" && parent.parent?.type === "assignment") {
      if (parent.parent.childForFieldName("left")?.id === parent.id) continue;
    }
    if (parent?.type === "comparison_operator" && /\bin\b/.test(parent.text) && parent.namedChildren[1]?.id === id.id)
      continue;
    const call = parent?.type === "dictionary_splat" ? parent.parent?.parent : undefined;
    if (call?.type !== "call") return { parameters, forwarded: null };
    const callee = call.childForFieldName("function");
    const target = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee?.text;
    if (target === name) continue;
    const shown = target && displays && Object.hasOwn(displays, target) ? displays[target]!.keywords : undefined;
    if (!shown) return { parameters, forwarded: null };
    forwarded = new Set(forwarded === "any" ? shown : shown.filter((key) => forwarded !== "any" && forwarded.has(key)));
  }
  return { parameters, forwarded };
}
