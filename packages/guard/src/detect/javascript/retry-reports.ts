// Retried operations a site configures: a retry with no bound (`forever: true`) and lists of per-attempt timeouts.
import { type EsNode, span } from "./ast.ts";
import type { SiteJudge } from "./sites.ts";
import { foreverRetry } from "./timers.ts";
import { perAttemptTimeouts } from "./value-shapes.ts";

/** `retries: { forever: true }`: retried with no bound, so whoever waits for it waits forever. */
export function reportForever(judge: SiteJudge, options: EsNode, where: string): void {
  const forever = foreverRetry(options);
  if (forever) judge.add("unbounded", forever, "forever: true", `${where} (retried with no bound)`, false);
}

/**
 * `timeouts: [5000, 5000]`: an array of per-attempt timeouts under `name`, reported once (at its first), where it
 * reaches a wait: given in a call's options (`new Session({ timeouts: [50] })`), or read one attempt at a time
 * in the file (`setTimeout(transmit, options.timeouts[retrans])`). A list nobody reads so is no evidence.
 */
export function reportPerAttempt(judge: SiteJudge, name: string | undefined, value: EsNode): void {
  const isTimeout = (n: string) => judge.facts.isTimeout(n);
  const elements = perAttemptTimeouts(name, value, isTimeout, (v) => judge.constants.evaluate(v));
  if (!elements[0] || !name) return;
  const passed = judge.facts.receivers.receiverAt(span(value)[0]) !== undefined;
  if (!passed && !new RegExp(`\\.${name.replace(/\$/g, "\\$")}\\s*\\[\\s*[\\w$]`).test(judge.facts.source)) return;
  judge.report(elements[0], `in "${name}" (the first of ${elements.length} per-attempt timeouts)`);
}
