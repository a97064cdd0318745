// Durations handed to a SLEEP: a delay, not a bound on a wait (README "Poll ticks"), when the sleep sits between rounds
// of a loop, is its function's whole work, or only delays the next step (`delayedSteps`). Split from `lifetimes.ts`
// (session 30), which asks `sleptFor` of every read of a name.
import type { Node as TsNode } from "web-tree-sitter";
import { endsSomething } from "./main-loop-callbacks.ts";

// Every call the function body makes is a sleep: the sleep is its whole work.
export function onlySleeps(body: TsNode): boolean {
  return body.descendantsOfType("call").every(isSleep);
}

// `time.sleep(...)`, `asyncio.sleep(...)`, `sleep(...)`: the callee as written, spaces removed, ends in `sleep`. Qt's
// `QTest.qWait(ms)` too: it processes events for `ms` and returns, whatever happens meanwhile (its `qWaitFor(pred,
// timeout)` is a deadline).
export function isSleep(call: TsNode | null): boolean {
  return /(^|\.)(sleep|qWait)$/.test(call?.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "");
}

/** Which sleeps tell a duration is a delay: none (another object's setting), one between rounds of a loop, any. */
export type Sleeps = "none" | "between-rounds" | "any";

// `time.sleep(TIMEOUT)`, `await asyncio.sleep(self.timeout)`, `gevent.sleep(t)`: the read is a sleep's duration
// (its first argument, as written, or a bound of it: pooch's `time.sleep(min(i + 1, max_wait))` caps the pause
// between download attempts; `sleep(t * 2)` is not looked into), and with "between-rounds" the sleep is inside a
// `for`/`while` loop of its function.
export function sleptFor(read: TsNode, sleeps: Sleeps): boolean {
  if (sleeps === "none") return false;
  const duration = boundOf(read) ?? read;
  const list = duration.parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  if (call?.type !== "call" || list!.namedChildren[0]?.id !== duration.id || !isSleep(call)) return false;
  if (sleeps === "any" || delayedSteps(call)) return true;
  for (let current = call.parent; current; current = current.parent) {
    if (current.type === "for_statement" || current.type === "while_statement") return true;
    if (current.type === "function_definition" || current.type === "class_definition" || current.type === "lambda")
      return false;
  }
  return false;
}

// The `min(...)` or `max(...)` call `read` is an argument of, if any.
function boundOf(read: TsNode): TsNode | undefined {
  const call = read.parent?.type === "argument_list" ? read.parent.parent : undefined;
  return call?.type === "call" && /^(min|max)$/.test(call.childForFieldName("function")?.text ?? "") ? call : undefined;
}

// `await self.disconnect(); await asyncio.sleep(RECONNECT_TIMEOUT); await self.continuously_check_connection()`: a sleep
// statement after a step of its own (a call), followed, to the end of its block, only by statements that call
// something (awaited or not), none of which ends, fails or gives up on anything (`endsSomething`: not a watchdog's `proc.kill()`, `os._exit(1)`, `fut.cancel()`),
// and by no test: it delays the next step, it waits for nothing. A sleep followed by a test of what came meanwhile
// (prompt_toolkit's `await sleep(self.CPR_TIMEOUT)` then `if self.cpr_support == UNKNOWN: ... NOT_SUPPORTED`), by a
// return of a value, last in its block (the caller's next step is unknown) or first in it (a timer) stays a possible
// deadline.
function delayedSteps(call: TsNode): boolean {
  const expression = call.parent?.type === "await" ? call.parent : call;
  const statement = expression.parent;
  if (statement?.type !== "expression_statement") return false;
  // A body that starts with its sleep is a timer (prompt_toolkit's `async def auto_flush_input(): await
  // sleep(self.ttimeoutlen); flush_input()`, cancelled when a key comes): its delay is the deadline. A pause between
  // two steps follows a step of its own.
  let before = statement.previousNamedSibling;
  while (before?.type === "comment") before = before.previousNamedSibling;
  if (!before || !stepCalls(before)?.length) return false;
  let steps = 0;
  for (let next = statement.nextNamedSibling; next; next = next.nextNamedSibling) {
    if (next.type === "comment") continue;
    const calls = stepCalls(next);
    if (!calls?.length) return false;
    for (const made of calls) {
      const callee = made.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
      const last = callee.slice(callee.lastIndexOf(".") + 1);
      // A check of what came meanwhile (`self.assertTrue(done)`, `check_output()`) makes the sleep a deadline's wait.
      if (
        endsSomething(last) ||
        /^_?(assert|check|verify|expect|fail)/i.test(last) ||
        /\b(sys|os)\._?exit$/.test(callee)
      )
        return false;
    }
    steps++;
  }
  return steps > 0;
}

/**
 * The calls a statement makes when making them is all it does: `step()`, `await step()`, or a `try:` whose body is only
 * such statements (undetected-chromedriver's `reconnect`: `try: self.service.stop() except ...: logger.debug(e)`, then
 * `time.sleep(timeout)`, then `try: self.service.start() ...`): what its handlers do when a step fails is not looked at.
 * Undefined for any other statement (a test, an assignment, a return).
 */
function stepCalls(statement: TsNode): TsNode[] | undefined {
  if (statement.type === "expression_statement") {
    const inner = statement.namedChildren[0];
    const made = inner?.type === "await" ? inner.namedChildren[0] : inner;
    return made?.type === "call" ? [made] : undefined;
  }
  if (statement.type !== "try_statement") return undefined;
  const calls: TsNode[] = [];
  for (const inner of statement.childForFieldName("body")?.namedChildren ?? []) {
    if (!inner || inner.type === "comment") continue;
    const made = stepCalls(inner);
    if (!made) return undefined;
    calls.push(...made);
  }
  return calls;
}
