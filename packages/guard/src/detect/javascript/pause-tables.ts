// A table of pauses named so where it is declared: @microsoft/ocsdk's `waitTimeBetweenRetriesConfigs = {
// getChatConfig: 1000, ..., validateAuthChatRecordTimeout: 1000 }` holds how long to wait between two tries of each
// operation, keyed by the operation (one of which has "Timeout" in its name). The table's name says what its values
// are: pauses before the next try, not bounds on a wait.
import { type EsNode, unwrap } from "./ast.ts";

/** A holder's name that says its values are pauses: `waitTimeBetweenRetries`, `retryDelays`, `backoffs`, `RETRY_INTERVALS`. */
const PAUSES =
  /between_?(retries|tries|attempts|polls)|^(retry|poll|backoff)_?(delays|intervals|pauses)(_?config)?s?$|^backoffs$/i;

/** The properties of an object literal declared under a name that says it holds pauses (`const retryDelays = {...}`). */
export function pauseTableEntries(name: string, init: unknown): EsNode[] {
  if (!PAUSES.test(name) || typeof init !== "object" || init === null) return [];
  let value = unwrap(init as EsNode);
  // `var t = exports.t = {...}`: TypeScript's CommonJS export of the declaration.
  while (value.type === "AssignmentExpression") value = unwrap(value.right as EsNode);
  if (value.type !== "ObjectExpression") return [];
  return (value.properties as EsNode[]).filter((property) => property.type === "Property");
}
