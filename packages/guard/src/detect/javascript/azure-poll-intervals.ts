// ms-rest-azure's `longRunningOperationRetryTimeout` (its generated clients set `this.longRunningOperationRetryTimeout
// = 30` in every constructor): "the retry timeout in seconds for Long Running Operations", which the library waits
// between two polls of an operation's status (`setTimeout(poll, longRunningOperationRetryTimeout * 1000)`). A pause
// between polls, not a deadline: an operation is polled until it ends. Known by the module the file loads, not by the
// name alone (another library's `retryTimeout` may be how long retrying goes on).
import { type EsNode, memberName, propertyName } from "./ast.ts";

const MODULE = /\b(require\s*\(\s*|from\s+)["'](ms-rest-azure|@azure\/ms-rest-azure-js)["']/;
const FIELD = "longRunningOperationRetryTimeout";

/** Adds the writes of the poll interval (`this.longRunningOperationRetryTimeout = 30`, `{ longRunningOperationRetryTimeout: 5 }`). */
export function azurePollIntervals(source: string, sites: readonly EsNode[], notDurations: Set<EsNode>): void {
  if (!source.includes(FIELD) || !MODULE.test(source)) return;
  for (const site of sites) {
    const written =
      site.type === "AssignmentExpression" && (site.left as EsNode).type === "MemberExpression"
        ? memberName(site.left as EsNode)
        : site.type === "Property"
          ? propertyName(site)
          : undefined;
    if (written === FIELD) notDurations.add(site);
  }
}
