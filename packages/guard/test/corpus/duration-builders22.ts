// JS `no-hardcoded-timeout`, session 22 (issue 9): bounds written through a duration type's unit factory, which
// test tools and screenplay frameworks use for their waits (`Duration.ofSeconds(5)`, `Duration.milliseconds(10_000)`,
// read back with `.inMilliseconds()` or `.milliseconds`). The literal is the same bound as `5000`, only spelled with
// its unit; where a plain number would be a timeout, so is this. A factory's duration handed to a sleep is a pause,
// and one given a variable, or a library's own form (`moment.duration(5, "s")`), is left alone.
import axios from "axios";
import { Duration } from "./duration";

declare function waitFor(what: RegExp, timeout: Duration): Promise<void>;
declare function sleep(duration: Duration): Promise<void>;
declare const browser: { wait(fn: () => boolean, ms: number, msg?: string): Promise<void> };
declare const moment: { duration(n: number, unit: string): unknown };
declare function ensure(what: string, value: number, check: unknown): void;
declare function isGreaterThanOrEqualTo(bound: number): unknown;

export class Stage {
  private static defaultCueTimeout = Duration.ofSeconds(5); // expect: no-hardcoded-timeout
  private static defaultPause = Duration.ofSeconds(5);
}

export const client = axios.create({
  timeout: Duration.ofSeconds(10).inMilliseconds(), // expect: no-hardcoded-timeout
});

export const VERIFY_EXTENSIONS_TIMEOUT = Duration.seconds(60); // expect: no-hardcoded-timeout

export async function waitForPick(options = { timeout: Duration.milliseconds(10_000) }): Promise<void> { // expect: no-hardcoded-timeout
  await browser.wait(() => true, options.timeout.milliseconds);
}

export async function dismiss(message: RegExp, timeout = Duration.seconds(1)): Promise<void> { // expect: no-hardcoded-timeout
  await waitFor(message, timeout);
}

export async function pause(): Promise<void> {
  await sleep(Duration.seconds(2));
}

export function configured(seconds: number): Duration {
  const timeout = Duration.ofSeconds(seconds);
  return timeout;
}

export const settle = moment.duration(5, "s");

// The least timeout a caller may configure, only handed to an ordering predicate: a validation's bound, no wait's.
// A floor that also bounds a wait is one.
export class Wait {
  static readonly minimumTimeout = Duration.ofMilliseconds(250);
  static readonly shortestTimeout = Duration.ofMilliseconds(250); // expect: no-hardcoded-timeout

  static until(timeout: Duration): void {
    ensure("Timeout", timeout.inMilliseconds(), isGreaterThanOrEqualTo(Wait.minimumTimeout.inMilliseconds()));
    ensure("Timeout", timeout.inMilliseconds(), isGreaterThanOrEqualTo(Wait.shortestTimeout.inMilliseconds()));
  }

  static async quick(): Promise<void> {
    await waitFor(/ready/, Wait.shortestTimeout);
  }
}
