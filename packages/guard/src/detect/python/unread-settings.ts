// Settings stored where nothing reads them: they bound no wait, whatever their name.
import type { Node as TsNode } from "web-tree-sitter";
import { attributeUnread, comparedOnly } from "./attribute-ancestry.ts";
import type { PyFacts } from "./facts.ts";
import { readNowhereElse } from "./named-elsewhere.ts";
import { referenceName, withoutText } from "./syntax.ts";

// `self.session.timeout = 5` on a `requests.Session()`: requests never reads a session's `timeout` attribute (its
// requests take `timeout=` per call), so the value bounds nothing unless this file reads it back itself
// (`self.session.get(url, timeout=self.session.timeout)`). httpx clients do read theirs: requests sessions only.
export function unreadSessionTimeout(facts: PyFacts, target: TsNode): boolean {
  if (target.type !== "attribute" || target.childForFieldName("attribute")?.text !== "timeout") return false;
  const holder = target.childForFieldName("object")?.text.replace(/\s+/g, "");
  if (!holder || facts.sessions.get(holder) !== "requests") return false;
  const written = `${holder}.timeout`.replace(/[\\^$*+?()[\]{}|]/g, "\\$&").replace(/[.]/g, "\\s*\\.\\s*");
  return !new RegExp(`(?<![\\w.])${written}(?!\\w)(?!\\s*=(?!=))`).test(facts.fileCode());
}

// `def __init__(self, timeout=10): self.session = requests.Session(); self.session.timeout = timeout`: every read
// of the parameter in the body is the value stored in a setting nothing reads: such a session attribute (subliminal's
// OMDb and TVDB clients, sentinelsat's `SentinelAPI`) or a field nothing reads (`unreadSetting`: pydle's
// `self.ping_timeout = ping_timeout`). Not for `locals()`/`vars()`/`eval`/`exec` users.
export function onlyStoredUnread(facts: PyFacts, fn: TsNode, name: string): boolean {
  const body = fn.childForFieldName("body");
  // Cheap first: no requests session in the file and no package facts, nothing is stored unread.
  if (!body || (facts.sessions.size === 0 && facts.packageMentions(name) === undefined)) return false;
  const code = withoutText(body.text);
  if (/\b(locals|vars|eval|exec)\s*\(/.test(code)) return false;
  const root = body.tree.rootNode;
  let reads = 0;
  for (const match of body.text.matchAll(new RegExp(`(?<![\\w.])${name}(?!\\w)`, "g"))) {
    const at = body.startIndex + match.index;
    const found = root.descendantForIndex(at, at + name.length);
    // A mention inside a string or comment, a keyword's name: not a read.
    if (!found || found.type !== "identifier" || found.text !== name) continue;
    if (found.parent?.type === "keyword_argument" && found.parent.childForFieldName("name")?.id === found.id) continue;
    const assignment = found.parent;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== found.id) return false;
    const left = assignment.childForFieldName("left");
    if (!left || !(unreadSessionTimeout(facts, left) || unreadSetting(facts, assignment, left))) return false;
    reads++;
  }
  return reads > 0;
}

// `self._timeout = kwargs.get("timeout", 5.0)`, `self.timeout = timeout or 20`: a fallback whose value is only
// stored in a setting nothing reads (`unreadSetting`) bounds nothing either.
export function storedUnread(facts: PyFacts, value: TsNode): boolean {
  let node = value;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  const assignment = node.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== node.id) return false;
  const left = assignment.childForFieldName("left");
  return left !== null && facts.isTimeout(referenceName(left)) && unreadSetting(facts, assignment, left);
}

// `getattr(self, name)` with a computed name, `__dict__`, `vars()`, `globals()`: reads no text search can see.
const DYNAMIC_READS = /\bgetattr\s*\(\s*[^,()]+,\s*[^"'\s]|__dict__|\b(vars|globals|locals|getmembers)\s*\(/;

// A module constant, a class attribute or a `self.x` field that nothing in the package reads: nbxmpp's
// `DEFAULT_TIMEOUT_SECONDS = 25`, grpc's `_INF_TIMEOUT = 1e9`, langchain's `AsciiCanvas.TIMEOUT = 10`, pydle's
// `CONNECT_TIMEOUT = 10`. The evidence: the package pass finds the name in this file only (`packageMentions`), and
// every mention of it here is written to (`X = ...`, `self.X = ...`); a field is read as an attribute (`obj.X`), so a
// bare `X` (a parameter or local of the same name) is no read of it. A mention in a string or comment counts as a
// read (`getattr(o, "X")`). A class with a base from elsewhere may be read by that base (`socketserver`'s handlers
// read `self.timeout`): only undecorated classes whose bases are this file's own. For a class's attribute the other
// evidence is where the package reads it (`attributeUnread`): a name as common as `timeout` is in most files, but
// if it is read only through `self` in classes unrelated to this one, no object of this class has it read (then the
// bases may be the package's own in any module). Without package facts nothing is unread.
export function unreadSetting(facts: PyFacts, assignment: TsNode, left: TsNode): boolean {
  const field = left.type === "attribute";
  const name = field ? left.childForFieldName("attribute")?.text : left.type === "identifier" ? left.text : undefined;
  if (!name || frameworkSettings(facts)) return false;
  const statement = assignment.parent;
  let owner: TsNode | null | undefined;
  if (field) {
    if (left.childForFieldName("object")?.text !== "self") return false;
    owner = enclosingClass(assignment);
    if (!owner) return false;
  } else if (statement?.type === "expression_statement" && statement.parent?.type === "module") owner = null;
  else if (statement?.parent?.type === "block" && statement.parent.parent?.type === "class_definition")
    owner = statement.parent.parent;
  else return false;
  const className = owner?.childForFieldName("name")?.text;
  // Or read, package-wide, only to be compared (`comparedOnly`: pyvisa's tests' `MINIMAL_TIMEOUT = 1`, what the
  // resource is expected to answer).
  const compared = className !== undefined && comparedOnly(facts.options.python, className, name);
  // A decorated class (`@dataclass`, `@attr.s`, `@attrs.define`) has its attributes read by the decorator, by
  // `asdict()`/`**` and by the package's users: its fields are not unread however little the package names them.
  // A pytest test class (`Test*`) has no users: pytest makes its objects, and a skip marker reads no attribute.
  if (owner?.parent?.type === "decorated_definition" && !(compared && /^Test/.test(className))) return false;
  // Named in this file only (`words`), by a class of this file's own; or, for a class's attribute, read as an
  // attribute of no object of the class anywhere in the package (`attributeUnread`: `IpmiServer.timeout` beside
  // other classes' `self.timeout`).
  const numeric = isNumber(assignment.childForFieldName("right"));
  const attribute =
    className !== undefined && (compared || attributeUnread(facts.options.python, className, name, numeric));
  // A module constant whose word other modules write only as their own names (`named-elsewhere.ts`: spyder's
  // `consumer.py` `TIMEOUT = 5000` beside `producer.py`'s own `TIMEOUT`): no other module can read this one either.
  const alone =
    facts.packageMentions(name) === 1 ||
    (owner === null && readNowhereElse(facts.options.python?.namedElsewhere, name, facts.options.path ?? ""));
  if (!attribute && (!alone || (owner && !ownBases(owner, 0)))) return false;
  const code = facts.fileCode();
  if (DYNAMIC_READS.test(code)) return false;
  const mention = new RegExp(`(?<![\\w])${name}(?!\\w)`, "g");
  let inCode = 0;
  for (const match of code.matchAll(mention)) {
    inCode++;
    const rest = code.slice(match.index + name.length, match.index + name.length + 40);
    if (/^\s*=(?!=)/.test(rest)) continue;
    // `X: float = 5`, `self.x: int = 3` (an annotated assignment) at the start of its line.
    const line = code.slice(code.lastIndexOf("\n", match.index) + 1, match.index);
    if (/^\s*:\s*[\w.[\], |"']+=(?!=)/.test(rest) && /^\s*(self\s*\.\s*)?$/.test(line)) continue;
    const dotted = code[match.index - 1] === ".";
    // `self._timeout = timeout if timeout else self._timeout`: read only to be written back to itself (pyotgw).
    if (field && dotted && writtenBackToItself(code, match.index, name)) continue;
    // A bare `X` is no read of a field (a parameter or local of the same name); an `o.X` the package pass judged.
    if ((field && !dotted) || (attribute && dotted)) continue;
    return false;
  }
  // Mentions in strings or comments: possibly read (by name reads the package pass judged for an attribute).
  if (attribute) return true;
  return (facts.fileSource().match(mention)?.length ?? 0) === inCode;
}

// A settings or configuration module (Django's `settings.py`, Sphinx's `conf.py`, gunicorn's `gunicorn.conf.py`,
// `config/*.py`; the pattern takes any file or folder name with `settings`, `conf` or `config` in it, `conftest.py`
// too, which errs toward reporting): a framework reads its names from outside the package (`EMAIL_TIMEOUT = 10` is Django's), so no
// name of it is unread however little the package itself reads it.
const SETTINGS_MODULE = /(?:^|[\\/])[^\\/]*(?:settings|conf|config)[^\\/]*(?:[\\/][^\\/]+)?\.py$/i;

function frameworkSettings(facts: PyFacts): boolean {
  const path = facts.options.path;
  if (path === undefined || /\b(INSTALLED_APPS|ROOT_URLCONF)\b/.test(facts.fileCode())) return true;
  if (!SETTINGS_MODULE.test(path)) return false;
  // A file named only for `config` (jenkinsapi's `config.py` with `LOAD_TIMEOUT = 30`) in a package none of whose
  // modules loads a module by a name in data: a library's constants, read only through imports the pass sees.
  return !(CONFIG_FILE.test(path) && facts.options.python?.loadsByName === false);
}

/** `config.py`, `_config.py`, `client_config.py`: a file named for `config`, not for `settings` or `conf`. */
const CONFIG_FILE = /(?:^|[\\/])(?![^\\/]*(?:settings|conf(?!ig)))[^\\/]*config[^\\/]*\.py$/i;

// The class around a method's statement (`self.x = 1` in `def __init__`), if the method is defined in a class body.
function enclosingClass(node: TsNode): TsNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type !== "function_definition") continue;
    const parent = current.parent?.type === "decorated_definition" ? current.parent.parent : current.parent;
    return parent?.type === "block" && parent.parent?.type === "class_definition" ? parent.parent : undefined;
  }
  return undefined;
}

// Every base of the class is `object` or a class defined at the top of this file whose bases are its own, in turn.
function ownBases(cls: TsNode, depth: number): boolean {
  if (depth > 4) return false;
  const bases = cls.childForFieldName("superclasses");
  if (!bases) return true;
  for (const base of bases.namedChildren) {
    if (!base) continue;
    if (base.type === "keyword_argument" && base.childForFieldName("name")?.text === "metaclass") continue;
    if (base.type !== "identifier") return false;
    if (base.text === "object") continue;
    const root = cls.tree.rootNode;
    const local = root.namedChildren.find(
      (child) => child?.type === "class_definition" && child.childForFieldName("name")?.text === base.text,
    );
    if (!local || !ownBases(local, depth + 1)) return false;
  }
  return true;
}

// The mention at `at` is on the right of `self.<name> = ...` on its own line: the field's value kept when no new one is
// given (`self._timeout = timeout if timeout else self._timeout`, `self.x = x or self.x`), read by nothing else.
function writtenBackToItself(code: string, at: number, name: string): boolean {
  const start = code.lastIndexOf("\n", at) + 1;
  const target = new RegExp(`^\\s*self\\s*\\.\\s*${name}\\s*=(?!=)`).exec(code.slice(start, at));
  return target !== null;
}

// `60`, `-1`, `0.5`: a number literal (signed).
function isNumber(node: TsNode | null): boolean {
  if (node?.type === "integer" || node?.type === "float") return true;
  return node?.type === "unary_operator" && node.child(0)?.text === "-" && isNumber(node.childForFieldName("argument"));
}
