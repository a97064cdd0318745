// Reads that only go into a LOG MESSAGE: `logger.debug("Starting autohide timeout (%d ms)", self.AUTOHIDE_TIMEOUT)`,
// `logging.info(f"delaying connection {timeout} sec")`. Writing a duration into a log bounds nothing, so such a read
// says nothing about what the value is; its other reads decide (session 23: mypaint's and blueman's GUI delays were
// kept reported only because the code also logged them).
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";

/** A logging call's receiver: `logging`, `log`, `logger`, `self._log`, `LOG`. */
export const LOGGER = /(^|\.)_*(logging|log|logger)$/i;

/** Whether `call` is a logging call: a method of a receiver named for a logger (`logger.debug(...)`). */
export function isLoggingCall(call: TsNode): boolean {
  const callee = call.childForFieldName("function");
  return callee?.type === "attribute" && LOGGER.test(callee.childForFieldName("object")?.text ?? "");
}

// The expressions a value may sit in on its way into a log call's arguments: a format, an f-string, arithmetic.
const INSIDE_MESSAGE = new Set([
  "argument_list",
  "keyword_argument",
  "parenthesized_expression",
  "binary_operator",
  "interpolation",
  "string",
  "concatenated_string",
  "tuple",
  "format_expression",
]);

/**
 * Whether `read` is only part of a logging call's arguments: reached through formats, f-strings and arithmetic, with no
 * other call in between (`logger.debug("%s", wait(timeout))` may wait in `wait`).
 */
export function onlyLogged(read: TsNode): boolean {
  for (let current = read.parent; current; current = current.parent) {
    if (current.type === "call") return isLoggingCall(current);
    if (!INSIDE_MESSAGE.has(current.type)) return false;
  }
  return false;
}

// Whether a logged read of `name` counts as a use that bounds no wait: the package's words show no other module naming
// it (a value kept for another module's wait stays unknown). Its reads in this file then decide: one that waits keeps
// the finding; when every read is a log message's, nothing waits on the value (timekpr's `self._retryTimeoutSecs = 3`
// only shown in "will retry in %i seconds", the retry itself scheduled with its own literal).
export function loggedOnly(facts: PyFacts, name: string): boolean {
  return facts.packageMentions(name) === 1;
}
