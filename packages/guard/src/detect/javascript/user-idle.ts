// A user's inactivity allowance: a timer the page re-arms on the user's input (`mousemove`, `keydown`, `touchstart`,
// ...) fires once the user has been idle that long, and then logs out, locks or reports "idle": @dfinity/auth-client's
// IdleManager `idleTimeout = 10 * 60 * 1000` (fresh294) and @icp-sdk/auth's (fresh195). A policy of how long a user may
// be away, not a bound on an operation: nothing waits on it. Known by the file listening to the user's input, and only
// for names that say idle or inactivity (another timeout in such a file, `requestTimeout`, stays reported; so does a
// connection's keep-alive).
import { destinationOf, type EsNode } from "./ast.ts";
import { words } from "../../name-words.ts";

/** DOM events of a user's input: a page listening to several of them watches for activity. */
const USER_INPUT =
  /\b(mousedown|mousemove|keydown|keypress|keyup|touchstart|touchmove|wheel|pointerdown|pointermove)\b/g;

/** Words a user's inactivity allowance starts with: `idleTimeout`, `INACTIVITY_TIMEOUT_MS`, `userIdleTimeout`. */
const IDLE_WORDS = new Set(["idle", "inactivity", "inactive"]);

/**
 * Names of an inactivity allowance, which start with the idle word (after `user`): not `renderBatchIdleTimeoutMs`,
 * a `requestIdleCallback`'s deadline (markstream-vue2).
 */
function idleName(name: string): boolean {
  const parts = words(name);
  return IDLE_WORDS.has(parts[0] === "user" ? (parts[1] ?? "") : (parts[0] ?? ""));
}

/**
 * A module's size: a bundle names every module's events, so the listening it shows may be any module's (a bundled
 * socket's idle timeout stays a connection's).
 */
const MODULE_SIZE = 100_000;

/** Adds the writes of idle-named timeouts in a module that listens to at least three kinds of user input. */
export function userIdleAllowances(source: string, sites: readonly EsNode[], notDurations: Set<EsNode>): void {
  if (source.length > MODULE_SIZE || !source.includes("addEventListener") || !/idle|inactiv/i.test(source)) return;
  const events = new Set(source.match(USER_INPUT));
  if (events.size < 3) return;
  for (const site of sites) {
    const name = destinationOf(site)?.name;
    if (name !== undefined && idleName(name)) notDurations.add(site);
  }
}
