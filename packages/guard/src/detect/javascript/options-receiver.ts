// The call a value written in an options object goes to, and the options API it is (`createBirpc(fns, { timeout })`,
// or `const c = { timeout: -1 }; createBirpc(fns, c)`): what that API's own "no limit" and "at once" are decides a
// negative's and a 0's meaning there.
import { matchApi, type TimeoutApi } from "../../apis.ts";
import { type EsNode, span } from "./ast.ts";
import type { FileFacts } from "./facts.ts";

/** The call a value goes to, as its module names it (`undici.buildConnector`): in its arguments or held whole. */
export function receiverOf(facts: FileFacts, node: EsNode): string | undefined {
  const [at] = span(node);
  const callee = facts.receivers.receiverAt(at)?.callee ?? facts.receivers.heldBy(at);
  return facts.modules.canonical(callee);
}

/**
 * The options API (`argument: "options"`) a value is given to, written in the call's object or in an object a local
 * holds and passes whole (as written, or as its module names it); `undefined` for any other receiver.
 */
export function optionsApiAt(facts: FileFacts, apis: readonly TimeoutApi[], node: EsNode): TimeoutApi | undefined {
  const [at] = span(node);
  const written = facts.receivers.receiverAt(at)?.callee ?? facts.receivers.heldBy(at);
  if (written === undefined) return undefined;
  const api = matchApi(apis, "js", written) ?? matchApi(apis, "js", facts.modules.canonical(written) ?? "");
  return api?.argument === "options" ? api : undefined;
}
