// How long a status line shows, kept as a deadline on the object: `self.status_last = time.time() + timeout` read only
// by the callback of a GUI main-loop timer that ends nothing (streamtuner2's `status_clear` clears the status bar once
// the time is past and asks to be called again otherwise). Nothing waits for the deadline; the main loop polls it.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { quietMainLoopCallback } from "./schedules.ts";
import { enclosingFunction } from "./syntax.ts";

// `self.status_last = time.time() + timeout` where every other read of `status_last` in the file is in the callback of a
// GUI main-loop timer that ends nothing (streamtuner2's `status_clear`, armed with the same duration, clears the status
// bar once the time is past): how long a message shows. A field another module of the package names may be read there.
export function checkedByMainLoop(facts: PyFacts, sum: TsNode): boolean {
  const assignment = sum.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== sum.id) return false;
  const left = assignment.childForFieldName("left");
  if (left?.type !== "attribute" || left.childForFieldName("object")?.text !== "self") return false;
  const field = left.childForFieldName("attribute")?.text ?? "";
  if (!/^\w+$/.test(field) || !onlyHere(facts, field)) return false;
  let reads = 0;
  for (const read of sum.tree.rootNode.descendantsOfType("attribute")) {
    if (!read || read.id === left.id || read.childForFieldName("attribute")?.text !== field) continue;
    const store = read.parent;
    if (store?.type === "assignment" && store.childForFieldName("left")?.id === read.id) continue;
    const fn = enclosingFunction(read);
    if (!fn || !quietMainLoopCallback(fn)) return false;
    reads++;
  }
  return reads > 0;
}

// No other module of the package names the field: the package pass counts the files that mention a timeout-looking
// word; a field not named like one (`status_last`) is not counted, and is taken as the file's own where package facts
// were gathered (without them, unknown).
function onlyHere(facts: PyFacts, field: string): boolean {
  const mentions = facts.packageMentions(field);
  if (mentions !== undefined) return mentions === 1;
  return facts.options.python?.words !== undefined && !facts.isTimeout(field);
}
