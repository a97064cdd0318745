// A display's own settings class: `class ScanCompletionOverlay { public timeout: number = 1000; }` (the scanbot SDK's
// "Timeout in milliseconds after which the overlay is automatically dismissed", fresh263), `class SuccessToast {
// timeout = 3000 }`. A class named for something shown (a toast, a notification, a banner, an overlay) keeps in its
// timeout-named fields how long it shows, not a bound of a wait.
import { type EsNode, isNode, propertyName, span } from "./ast.ts";
import { SHOWING } from "./no-wait-shapes.ts";
import { isTimeoutName } from "../../names.ts";

/** A class named for something shown: the showing components' names, and an overlay. */
const DISPLAY_SETTINGS = new RegExp(`^\\w*(${SHOWING}|Overlay)$`);

/** [start, end) of each timeout-named field of a class named for something shown. */
export function displayFields(node: EsNode): [number, number][] {
  if (!isNode(node.id) || !DISPLAY_SETTINGS.test(node.id.name as string) || !isNode(node.body)) return [];
  const ranges: [number, number][] = [];
  for (const member of (node.body as EsNode).body as EsNode[])
    if (member.type === "PropertyDefinition" && isTimeoutName(propertyName(member) ?? "")) ranges.push(span(member));
  return ranges;
}
