// Which names hold a timeout in a file, from what the walk saw of them (`facts.ts`): the name's words (`names.ts`),
// then what the file's timers, tables and waits do with the value. And what this file's timers show of each name
// for the package's other files.
import { isTimeoutName, isUiDelayName } from "../../names.ts";
import type { FileFacts } from "./facts.ts";

/** Whether `name` holds a timeout duration in the file whose facts are `facts` (after `collect`). */
export function isTimeoutIn(facts: FileFacts, name: string | undefined): name is string {
  if (name === undefined || ERROR_CODE.test(name)) return false;
  // `DEFAULT_GLOBAL_DEADLINE_MS = 10 * 60 * 1000`: a deadline with a unit is a duration (a bare `deadline` is a time).
  // `if (elapsed > maxElapsedTime) throw err` in a retry loop: whatever it is called, it bounds a wait
  // (`clock-deadlines.ts`).
  // `page.waitForSelector(target, { timeout: waitForSelector })`: the wait's own bound (`handed-option-names.ts`).
  // `node.flush(options.flushTimeout)`: the bound of a flush the caller awaits (`ui-delays.ts`).
  const bounding =
    facts.deadlineHelpers.clock.names().has(name) ||
    facts.boundsElsewhere.has(name) ||
    facts.handedNames.has(name) ||
    facts.timers.uiDelays.flushBounds.has(name);
  if (!bounding && !isTimeoutName(name, facts.extraTimeoutNames, { spelledApart: true }))
    return /deadline/i.test(name) && DEADLINE_DURATION.test(name);
  if (facts.backoffs.has(name)) return false;
  // `showTimeout: 250`, `GH_TAP_TIMEOUT = 1000`: named like a UI delay, a timeout only where the file shows it
  // reaching a wait (`ui-delays.ts`: handed to a call, or the delay of a timer that ends or fails something).
  if (isUiDelayName(name) && !facts.timers.uiDelays.reachesWait(name)) return false;
  // `keepAliveTimeout: 250` in a defaults table or a test's options, where the package's only timer armed with it
  // sends a keep-alive (`setTimeout(() => this.sendKeepAlive(), this.config.keepAliveTimeout * 1000)`): a schedule.
  if (facts.inertElsewhere.has(name)) return false;
  // `wait(cond, timeout, msg, pollTimeout = 200)` then `setTimeout(pollCondition, pollTimeout)`: how
  // long to wait between polls, a delay named like a timeout.
  if (facts.timerDelays.has(name) && /^poll/i.test(name)) return false;
  // `setTimeout(() => this.renewToken(), this._tokenTimeout)`: when to renew, a schedule.
  // `setTimeout(() => span.end(), idleTimeout)`: how long a measurement runs; nothing waits on it.
  // A keep-alive timeout's delay (no data for that long and the connection is lost) is no keep-alive schedule.
  const schedule = facts.noWait.schedules.has(name) && !facts.deadlines.liveness.has(name);
  // `if (new Date() - lastActivity > options.timeout) handleDisconnect()` beside `setTimeout(init, options.timeout)`:
  // compared with an elapsed time, the name bounds the quiet it tolerates, whatever its other timer does.
  const inert = facts.timers.inertNames.has(name) && !facts.noWait.elapsedBounds.has(name);
  return !schedule && !inert;
}

/**
 * What this file's timers show of each timeout-looking name they are armed with (after `collect`), for the other
 * files of its package: `quiet`, armed only with timers that renew, ping, retry, log or measure (or kept as an
 * entry's expiry); `loud`, armed with a timer that may end a wait, kept under a keep-alive timeout's handle (a
 * liveness limit), or compared with an elapsed time (`now - node.lastHeartbeatTime > this.opts.heartbeatTimeout`:
 * moleculer's check that runs on a schedule armed with the same name).
 */
export function delayVerdicts(facts: FileFacts): { quiet: Set<string>; loud: Set<string> } {
  const quiet = new Set<string>();
  const loud = new Set<string>(facts.noWait.elapsedBounds);
  const names = new Set([...facts.noWait.schedules, ...facts.timers.inertNames, ...facts.timers.active]);
  for (const name of [...names, ...facts.deadlines.liveness]) {
    const schedule = facts.noWait.schedules.has(name) && !facts.deadlines.liveness.has(name);
    if (loud.has(name)) continue;
    if (schedule || facts.timers.inertNames.has(name)) quiet.add(name);
    else loud.add(name);
  }
  return { quiet, loud };
}

/** `ERR_TIMEOUT = 7777`, `ERR_CONN_REQUEST_TIMEOUT: 40` (oracledb's error table): a constant that names an error holds its code. */
const ERROR_CODE = /^(ERR|ERROR|ERRNO)_[A-Z0-9_]*$/;

/**
 * `globalDeadlineMs`, `DEFAULT_GLOBAL_DEADLINE_MS`; not `MAX_..._DEADLINE_MS` (a cap) nor an ack deadline
 * (`ackDeadlineSeconds`: a message lease on the server, like SQS's visibility timeout).
 */
const DEADLINE_DURATION = /^(?!max|min)(?!\w*ack_?deadline)\w*deadline_?(ms|millis|milliseconds|seconds|secs)$/i;
