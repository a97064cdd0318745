// JS `no-hardcoded-timeout`, session 56 (issue 9): a list of timeouts under a timeout name that says attempt gives one
// bound per attempt (@api3/commons' `go(fn, { attemptTimeoutMs: [50, 70, 90], retries: 2 })`, session 55's fresh270).
// A list of delays between tries stays a backoff schedule, and a list nobody hands on or reads per attempt is no
// evidence.
import { go } from "./promise-utils";

export async function varying(operation: () => Promise<number>) {
  return go(operation, { attemptTimeoutMs: [50, 70, 90], retries: 2 }); // expect: no-hardcoded-timeout
}

export async function backoff(operation: () => Promise<number>) {
  return go(operation, { retryDelayMs: [100, 200], attemptTimeoutMs: 500 }); // expect: no-hardcoded-timeout
}

export async function schedule(operation: () => Promise<number>) {
  return go(operation, { retryAttemptTimeouts: [100, 500, 2000] });
}

export const attemptTimeoutMs = [50, 70];
