import { CHECKLISTS, type Checklist } from "./checklists.ts";

/**
 * A checklist as a Markdown task list, for pasting into a pull request.
 * @example toMarkdown(getChecklist("timeouts"), new Set(["from-config"]))
 */
export function toMarkdown(checklist: Checklist, checked: ReadonlySet<string> = new Set()): string {
  return [
    `### ${checklist.title}`,
    "",
    ...checklist.items.map((item) => `- [${checked.has(item.id) ? "x" : " "}] ${item.text}`),
  ].join("\n");
}

export const PULL_REQUEST_TEMPLATE_PATH = ".github/pull_request_template.md";

/** The pull-request template, generated from the checklists (`org-checklists pr-template`). */
export function pullRequestTemplate(): string {
  return [
    "<!-- Generated from @org/checklists by `org-checklists pr-template --write`. Do not edit by hand. -->",
    "",
    "## What and why",
    "",
    "<!-- Tag the title [AI-ASSISTED] when an assistant wrote part of this change. -->",
    "",
    "## Review checklists",
    "",
    "Tick what applies; delete the checklists that do not.",
    "",
    ...CHECKLISTS.flatMap((checklist) => [toMarkdown(checklist), "", `_${checklist.when}_`, ""]),
  ].join("\n");
}
