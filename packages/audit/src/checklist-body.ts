import { getChecklist, type ChecklistItem } from "@org/checklists";

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
