// Timers whose callback, as far as the file shows it, neither ends nor fails anything when it fires: an idle timer
// that flips a state and triggers an event (jquery-idletimer's `setTimeout(toggleIdleState, obj.timeout)`), a long
// key press that runs its action (`setTimeout(() => { action(); this.clearLongPress() }, delay)`). A name that is
// only such a timer's delay is a threshold or a delay, not a wait's bound (`inert-timers.ts` makes it inert). What
// the timer may end is read from the callback's own statements and those of the file's functions it calls by name;
// a callback the file does not define, or one that mentions anything that can end, fail or settle, keeps the timer.
import { calleePath, type EsNode, FUNCTION_TYPES, unwrap } from "./ast.ts";
import { boundFunction, ownText } from "./callback-body.ts";
import type { FileFacts } from "./facts.ts";
import { timerVerdict } from "./timer-verdicts.ts";

/**
 * Words of a callback that may end, fail or settle an operation (`reject`, `socket.destroy()`, `cb(err)`,
 * `this.emit("timeout")`, `onTimeout()`, `new Error(...)`, `throw`): any of them keeps the timer a possible deadline.
 */
const ENDING =
  /^(reject|resolve|abort|destroy|close|end|delete|remove|kill|exit|terminate|cancel|fail|throw|done|cb|callback|next|finish|emit|disconnect|shutdown|stop|unref|process|dispatch|notify|expire|lose|drop|reset|settle|cleanup|teardown|dispose|unload|quit|halt|interrupt|hangup)/i;
/** `onTimeout`, `handleTimeout`, `TimeoutError`, `timedOut`, `ETIMEDOUT`, `failed`, `errored`: an identifier naming an end. */
const ENDING_PART = /time[ds]?_?out|error|err$|fail|abort|reject|kill|expired|destroy|close|cancel|stop|exit/i;
/** `clearTimeout(this.t)`, `this.clearLongPressTimeout()`, `setTimeout(...)`: clearing or arming a timer ends nothing. */
const CLEARING = /^(_?clear|set(Timeout|Interval|Immediate)$)/;

/** Text a callback writes that says something ended (`console.warn("Connection timed out, reconnecting")`). */
const ENDING_TEXT = /tim(e|ed)\s*-?\s*out|expire|fail|error|abort|too long|took longer|lost|give up|giving up|stale/i;
const STRINGS = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g;

/**
 * What a text does: the names it calls or assigns (`toggleIdleState(e)`, `this.timedOut = true`), `throw` and
 * `delete` (`delete locks[key]`, how a stale lock ends), without comments; `undefined` when a string it writes says
 * something ended. Names only read (`clearTimeout(this.longKeyPressTimeout)`'s handle) say nothing.
 */
function identifiers(text: string): string[] | undefined {
  const code = text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, " ");
  for (const literal of code.matchAll(STRINGS)) if (ENDING_TEXT.test(literal[0])) return undefined;
  const words: string[] = [];
  const bare = code.replace(STRINGS, '""');
  for (const match of bare.matchAll(
    /\b(throw|delete)\b|([A-Za-z_$][\w$]*)\s*(\(|=(?!=)(?!\s*(null|undefined|void 0|0|false)\b))/g,
  ))
    words.push(match[1] ?? match[2]!);
  return words;
}

/** Whether an identifier of a callback's body may end, fail or settle something. */
function mayEnd(word: string): boolean {
  if (CLEARING.test(word)) return false;
  return ENDING.test(word) || ENDING_PART.test(word);
}

/**
 * Whether the timer call `call` (a `setTimeout(callback, delay)` the walk kept) ends nothing when it fires: it is no
 * deadline nor race by what the file shows (`timerVerdict`), and its callback, and the file's functions it calls by
 * name (one level), mention nothing that may end, fail or settle an operation.
 */
export function endsNothing(facts: FileFacts, call: EsNode): boolean {
  const path = calleePath(call.callee as EsNode);
  const args = (call.arguments as EsNode[]).filter((arg) => arg.type !== "SpreadElement");
  if (path === undefined || args.length < 2 || timerVerdict(facts, call, path, args) !== undefined) return false;
  const callback = boundFunction(args[0]!);
  const bodies = bodiesOf(facts, callback);
  if (bodies === undefined) return false;
  const seen = new Set<EsNode>(bodies);
  for (const body of [...bodies]) {
    const words = identifiers(ownText(body, facts.source, true));
    if (words === undefined) return false;
    for (const word of words) {
      if (mayEnd(word)) return false;
      // One level into the file's own functions the callback calls by name.
      for (const called of facts.timers.definitions.get(word) ?? [])
        if (!seen.has(called) && bodies.length < 8) {
          seen.add(called);
          const inner = identifiers(ownText(called, facts.source, true));
          if (inner === undefined || inner.some(mayEnd)) return false;
        }
    }
  }
  return true;
}

/** The function a callback runs: written in place, or the file's functions of its name; `undefined` when unknown. */
function bodiesOf(facts: FileFacts, callback: EsNode): EsNode[] | undefined {
  const node = unwrap(callback);
  if (FUNCTION_TYPES.has(node.type)) return [node];
  const name =
    node.type === "Identifier"
      ? (node.name as string)
      : node.type === "MemberExpression" && !node.computed
        ? ((node.property as EsNode).name as string)
        : undefined;
  if (name === undefined || mayEnd(name)) return undefined;
  const defined = facts.timers.definitions.get(name);
  return defined && defined.length > 0 ? [...defined] : undefined;
}
