// JS `no-unbounded-timeout`, session 15 (issue 9): a value the code only sleeps for (`await setTimeout(ms)` from
// node:timers/promises: @nestjs/terminus' graceful-shutdown wait) is a delay; its `?? 0` skips the delay, it leaves
// no wait without a bound. A timer armed with the value whose callback fails the wait is a deadline: its 0 is "no limit".
import { setTimeout } from "node:timers/promises";
import * as timers from "node:timers";

export class HealthCheckExecutor {
  constructor(options, logger) {
    this.options = options;
    this.logger = logger;
  }

  async beforeApplicationShutdown(signal) {
    const timeoutMs = this.options.gracefulShutdownTimeoutMs ?? 0;
    if (timeoutMs <= 0) return;
    this.logger.log(`Awaiting ${timeoutMs}ms before shutdown (${signal})`);
    await setTimeout(timeoutMs);
  }
}

export class Pinger {
  constructor(options, socket) {
    this.socket = socket;
    this.pongTimeout = options.pongTimeout ?? 0; // expect: no-unbounded-timeout
  }

  ping() {
    this.socket.send("ping");
    if (this.pongTimeout > 0) this.timer = timers.setTimeout(() => this.socket.destroy(new Error("no pong")), this.pongTimeout);
  }
}
