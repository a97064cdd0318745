// A timeout copied to another name (`let current = this.authenticationErrorTimeout`, `const ttl =
// this.configuration.lockTimeout`): the original bounds no wait when every copy only delays a retry or is only an
// entry's expiry.
import { isNode, referenceName, unwrap } from "./ast.ts";
import { TIMEOUT_WORD } from "./timer-calls.ts";

/** A name that says nothing but "timeout" (`timeout`, `_timeoutMs`, `TIMEOUT_SECONDS`). */
const BARE = /^_*(?:time_?out|delay|ms|t)(?:_?(?:ms|millis|seconds|secs?|s))?$/i;

/** The file's copies of timeout-looking names, and the names given to a store as an expiry or passed on otherwise. */
export class TimeoutCopies {
  /** Per timeout-looking name, the timeout-looking names it is copied to. */
  private readonly copies = new Map<string, string[]>();
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
   * holds. A bare `timeout` is not followed: names are the file's, and that one is too often another timer's.
   */
  copy(target: string | undefined, value: unknown, depth = 0): void {
    if (target === undefined || !isNode(value)) return;
    const part = unwrap(value);
    if (!BARE.test(target) && part.type === "LogicalExpression" && part.operator !== "&&" && depth < 4) {
      this.copy(target, part.left, depth + 1);
      this.copy(target, part.right, depth + 1);
      return;
    }
    const source = referenceName(part);
    if (source === undefined || source === target || !TIMEOUT_WORD.test(source + target)) return;
    this.copies.set(source, [...(this.copies.get(source) ?? []), target]);
  }

  /**
   * Adds to `inertNames` each original neither `active` nor `passed` on whose copies are all inert or lifetimes.
   * `currentPollingTimeout = this.authenticationErrorTimeout` where the copy only delays a retry: so does the original;
   * `const ttl = this.configuration.lockTimeout` where the copy is only a lock's expiry: the original is a lifetime.
   */
  finish(inertNames: Set<string>, active: ReadonlySet<string>, passed: ReadonlySet<string>): void {
    const lifetime = (t: string): boolean => this.given.has(t) && !this.passed.has(t) && !active.has(t);
    for (const [source, targets] of this.copies)
      if (targets.every((t) => inertNames.has(t) || lifetime(t)) && !active.has(source) && !passed.has(source))
        inertNames.add(source);
  }
}
