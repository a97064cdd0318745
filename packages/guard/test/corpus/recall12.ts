// JS recall, session 12 (issue 9): a TypeScript parameter property's default (`private timeout = 30_000`) is stored
// on the object, so a constructor body that never mentions it still hands it to the waits that read `this.timeout`.
// `expect:` marks each line that must be flagged; every other line must come out clean.
class MemoryLock {
  constructor(
    private id: string,
    private timeout: number = 1000 * 30, // expect: no-hardcoded-timeout
  ) {}

  waitTimeout(): Promise<boolean> {
    return new Promise((resolve) => setTimeout(() => resolve(false), this.timeout));
  }
}

// A plain parameter's default that the body never reads bounds nothing.
class Sender {
  constructor(
    private queue: { add(data: unknown): void },
    _timeout = 5000,
  ) {}
}

export { MemoryLock, Sender };
