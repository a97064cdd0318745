// Names a known wait takes as its timeout: `page.waitForSelector(target, { timeout: waitForSelector })` makes the
// local `waitForSelector` the wait's bound, so its default (`waitForSelector = 30000`, `opts.waitForSelector || 30000`)
// is a hardcoded timeout whatever it is called (ghost-cursor-playwright, fresh112). Only an options API of the table
// (`apis-javascript.ts`) counts: there the key is the API's own timeout, not a name's guess.
import type { TimeoutApi } from "../../apis.ts";
import { type EsNode, isNode, propertyName, unwrap } from "./ast.ts";
import type { FileFacts } from "./facts.ts";
import { optionsApiAt } from "./options-receiver.ts";

/** Names too generic to stand for one value across a file (a minifier's `t`, a helper's `ms` or `delay`). */
const GENERIC = /^(?:[\w$]{1,2}|delay|wait|time|duration|interval|value|val|opts?|options|config|cfg|timer)$/i;

/** The names the file hands, as they are, to a known options API under its timeout key (after the walk). */
export function namesHandedToWaits(facts: FileFacts, apis: readonly TimeoutApi[]): Set<string> {
  const names = new Set<string>();
  for (const site of facts.sites) {
    if (site.type !== "Property" || !isNode(site.value)) continue;
    const value = unwrap(site.value as EsNode);
    if (value.type !== "Identifier" || GENERIC.test(value.name as string)) continue;
    const key = propertyName(site);
    if (key === undefined || key === value.name || !facts.isTimeout(key)) continue;
    if (optionsApiAt(facts, apis, site) !== undefined) names.add(value.name as string);
  }
  return names;
}
