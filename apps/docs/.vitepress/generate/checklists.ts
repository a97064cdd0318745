import { CHECKLISTS } from "@org/checklists";
import { inline } from "./markdown.ts";

/**
 * One page per checklist of @org/checklists; the interactive <Checklist> renders the items. For the
 * local search each item is a section of its own (`searchHtml`), titled by its text and linking to
 * the item (`/checklists/timeouts#item-bounded`), so searching an item's words finds that item.
 */
export function checklistPages(): { id: string; title: string; content: string; searchHtml: string }[] {
  return CHECKLISTS.map((checklist) => ({
    id: checklist.id,
    title: checklist.title,
    content: [
      "---",
      `title: ${JSON.stringify(checklist.title)}`,
      "outline: false",
      "---",
      "",
      `# ${checklist.title}`,
      "",
      "Tick each item as you review. Your progress stays in this browser until you reset it; **Copy as Markdown**",
      "puts the list, ticked as you left it, on the clipboard for the pull request.",
      "",
      `<Checklist id="${checklist.id}" />`,
      "",
      "The same items are in the repository's pull-request template, generated from `@org/checklists`.",
    ].join("\n"),
    searchHtml: checklist.items
      // VitePress drops a search section with no text after its heading: say which checklist it is from.
      .map(
        (item) =>
          `<h2 id="item-${item.id}">${inline(item.text)} <a class="header-anchor" href="#item-${item.id}"></a></h2><p>An item of the checklist ${inline(checklist.title)}.</p>`,
      )
      .join("\n"),
  }));
}
