// Settings stored where nothing reads them: they bound no wait, whatever their name.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { withoutText } from "./syntax.ts";

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
// OMDb and TVDB clients, sentinelsat's `SentinelAPI`). Not for `locals()`/`vars()`/`eval`/`exec` users.
export function onlyStoredUnread(facts: PyFacts, fn: TsNode, name: string): boolean {
  const body = fn.childForFieldName("body");
  if (!body || facts.sessions.size === 0) return false;
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
    if (!left || !unreadSessionTimeout(facts, left)) return false;
    reads++;
  }
  return reads > 0;
}
