import { CHECKLISTS, getChecklist, type ChecklistItem } from "@org/checklists";

/** The checklist the merge gate requires on AI-assisted changes. */
export const AI_CHECKLIST_ID = "ai-generated-code";

/**
 * The items of the "QA for AI-generated code" checklist that the pull-request body does not tick.
 * An item counts as ticked when the body has `- [x] <its text>` (or `* [X]`), as the generated template writes it.
 */
export function untickedItems(body: string): ChecklistItem[] {
  const ticked = new Set<string>();
  for (const line of body.split(/\r?\n/)) {
    const match = /^\s*[-*+]\s+\[[xX]\]\s+(.*?)\s*$/.exec(line);
    if (match) ticked.add(normalise(match[1]!));
  }
  return getChecklist(AI_CHECKLIST_ID).items.filter((item) => !ticked.has(normalise(item.text)));
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * Whether the description itself tags the change. The generated template mentions the tag in an HTML
 * comment, a checklist item and a checklist's "when"; none counts, or every pull request would be "AI-assisted".
 */
export function bodyCarriesTag(body: string, tag: string): boolean {
  const template = new Set(CHECKLISTS.flatMap((c) => [c.when, ...c.items.map((i) => i.text)]).map(normalise));
  const text = body
    .replace(/<!--[\s\S]*?-->/g, "")
    .split(/\r?\n/)
    .filter((line) => {
      // A checklist line ("- [ ] text") or a checklist's "_when_" line, as the template writes them.
      const content = line.replace(/^\s*[-*+]\s+\[[ xX]\]\s+/, "").replace(/^\s*_(.*)_\s*$/, "$1");
      return !template.has(normalise(content));
    })
    .join("\n");
  return text.toLowerCase().includes(tag.toLowerCase());
}
