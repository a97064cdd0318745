// A timeout-named option whose timer runs the next round of a loop (issue 9, fresh7's node-resque: `timeout` is the
// pause between polls and pings, `checkTimeout` between checks): a pacing interval, not a deadline. `expect:` marks
// findings.
declare function poll(): Promise<void>;
declare function checkWorkers(): Promise<void>;

export class Worker {
  options: { timeout?: number; checkTimeout?: number; jobTimeout?: number };
  pollTimer?: ReturnType<typeof setTimeout>;
  constructor(options: { timeout?: number; checkTimeout?: number; jobTimeout?: number }) {
    options.timeout = options.timeout ?? 5000;
    options.checkTimeout = options.checkTimeout ?? 500;
    // A deadline of the same class: the timer fails the job.
    options.jobTimeout = options.jobTimeout ?? 30000; // expect: no-hardcoded-timeout
    this.options = options;
  }

  pause(): void {
    this.pollTimer = setTimeout(() => {
      poll().catch(() => undefined);
    }, this.options.timeout);
    setTimeout(() => {
      this.checkWrapper();
    }, this.options.checkTimeout);
  }

  private checkWrapper(): void {
    void checkWorkers();
  }

  run(job: { fail(error: Error): void }): void {
    setTimeout(() => job.fail(new Error("job timed out")), this.options.jobTimeout);
  }
}
