// A timeout copied to another name (`let current = this.authenticationErrorTimeout`, `const ttl =
// this.configuration.lockTimeout`): the original bounds no wait when every copy only delays a retry or is only an
// entry's expiry.
import { isNode, referenceName, unwrap } from "./ast.ts";
import { TIMEOUT_WORD } from "./timer-calls.ts";

/** A name that says nothing but "timeout" (`timeout`, `_timeoutMs`, `TIMEOUT_SECONDS`). */
const BARE = /^_*(?:time_?out|delay|ms|t)(?:_?(?:ms|millis|seconds|secs?|s))?$/i;

/** The file's copies of timeout-looking names, and the names given to a store as an expiry or passed on otherwise. */
export class TimeoutCopies {
  /** Per timeout-looking name, the timeout-looking names it is copied to (`bare`: a fallback into a bare name). */
  private readonly copies = new Map<string, { target: string; bare: boolean }[]>();
  /**
   * Any name given to a store as an entry's expiry (`const ttl = this.timeout; set(key, id, "PX", ttl)`), and any name
   * passed on otherwise (`wait(ttl)`): a local copy of a timeout is a lifetime when it is used only so.
   */
  readonly given = new Set<string>();
  readonly passed = new Set<string>();

  /**
   * `current = this.authenticationErrorTimeout`: a timeout-looking name copied to another, and each name of a fallback
   * given to a name of its own: `this._pendingTxCleanupTimeout = config.pendingTxCleanupTimeout
   * ?? PENDING_TX_CLEANUP_TIMEOUT` (@instantdb/core, fresh313) hands the constant on to the field whatever the config
   * holds. Into a bare `timeout` a fallback counts only where that name is an entry's expiry (`const timeout =
   * options.timeout || this.options.defaultTimeout; multi.set(key, data, "ex", timeout)`, redis-tag-cache, fresh301):
   * names are the file's, and a bare one is too often another timer's too.
   */
  copy(target: string | undefined, value: unknown, fallback = false, depth = 0): void {
    if (target === undefined || !isNode(value)) return;
    const part = unwrap(value);
    if (part.type === "LogicalExpression" && part.operator !== "&&" && depth < 4) {
      this.copy(target, part.left, true, depth + 1);
      this.copy(target, part.right, true, depth + 1);
      return;
    }
    const source = referenceName(part);
    if (source === undefined || source === target || !TIMEOUT_WORD.test(source + target)) return;
    const copy = { target, bare: fallback && BARE.test(target) };
    this.copies.set(source, [...(this.copies.get(source) ?? []), copy]);
  }

  /**
   * Adds to `inertNames` each original neither `active` nor `passed` on whose copies are all inert or lifetimes.
   * `currentPollingTimeout = this.authenticationErrorTimeout` where the copy only delays a retry: so does the original;
   * `const ttl = this.configuration.lockTimeout` where the copy is only a lock's expiry: the original is a lifetime.
   */
  finish(
    inertNames: Set<string>,
    active: ReadonlySet<string>,
    passed: ReadonlySet<string>,
    expiries: ReadonlySet<string>,
  ): void {
    const lifetime = (t: string): boolean => this.given.has(t) && !this.passed.has(t) && !active.has(t);
    const quiet = ({ target: t, bare }: { target: string; bare: boolean }): boolean =>
      bare ? expiries.has(t) && !active.has(t) && !passed.has(t) : inertNames.has(t) || lifetime(t);
    for (const [source, targets] of this.copies)
      if (targets.every(quiet) && !active.has(source) && !passed.has(source)) inertNames.add(source);
  }
}
