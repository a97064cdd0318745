// JS `no-unbounded-timeout`, session 22 (issue 9): @subsquid/util-timeout's `addTimeout(promise, ms)` returns the
// promise untouched when `ms` is 0, so a data source's own `newHeadTimeout ?? 0`, kept on the object and handed to it,
// leaves the wait for a new head unbounded. An `addTimeout` of the package's own is judged by nothing here: what
// its 0 means is in its body, which this file does not show.
import { addTimeout } from "@subsquid/util-timeout";
import { addTimeout as addOwnTimeout } from "./own-timeout";

interface Options {
  newHeadTimeout?: number;
  pollTimeout?: number;
}

export class RpcDataSource {
  private newHeadTimeout: number;
  private pollTimeout: number;

  constructor(options: Options) {
    this.newHeadTimeout = options.newHeadTimeout ?? 0; // expect: no-unbounded-timeout
    this.pollTimeout = options.pollTimeout ?? 0;
  }

  async nextHead(queue: { take(): Promise<number> }): Promise<number> {
    return addTimeout(queue.take(), this.newHeadTimeout);
  }

  async nextPoll(queue: { take(): Promise<number> }): Promise<number> {
    return addOwnTimeout(queue.take(), this.pollTimeout);
  }
}
