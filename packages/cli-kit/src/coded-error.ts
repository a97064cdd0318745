/**
 * Base of every `@org` error class: a stable `code` to branch on, a message that says what to do next, and a
 * sanitised `cause` (never a credential). Bundled into each package, which names its own subclass and code union.
 */
export class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
