// Durations named "timeout" that bound no wait (issue 9, fresh7's better-queue and node-resque): a delay before
// the function that armed a timer tries again, and an entry's expiry handed to a store. `expect:` marks findings.
declare const store: { connect(cb: (err?: Error) => void): void };
declare const redis: {
  set(key: string, value: string, ...args: unknown[]): Promise<string | null>;
  expire(key: string, seconds: number): Promise<number>;
};
declare function log(message: string): void;
declare const socket: { destroy(): void };

// A retry: the timer only calls again the function that armed it.
export class Queue {
  storeRetryTimeout: number;
  connectTimeout: number;
  constructor(opts: { storeRetryTimeout?: number; connectTimeout?: number }) {
    this.storeRetryTimeout = opts.storeRetryTimeout || 1000;
    this.connectTimeout = opts.connectTimeout || 5000; // expect: no-hardcoded-timeout
  }
  connectToStore(): void {
    store.connect((err) => {
      if (!err) return;
      setTimeout(() => {
        log("retrying the store");
        this.connectToStore();
      }, this.storeRetryTimeout);
    });
  }
  // A timer that gives up the operation is its deadline, even if it retries too.
  connectOnce(): void {
    const timer = setTimeout(() => {
      socket.destroy();
      this.connectOnce();
    }, this.connectTimeout);
    store.connect(() => clearTimeout(timer));
  }
}

// A lease: the value is the key's expiry in Redis, nothing waits for it.
export class Scheduler {
  options: { leaderLockTimeout: number; lockTimeout: number };
  constructor(options: { leaderLockTimeout?: number; lockTimeout?: number }) {
    this.options = {
      leaderLockTimeout: options.leaderLockTimeout ?? 60 * 3,
      lockTimeout: options.lockTimeout ?? 30, // expect: no-hardcoded-timeout
    };
  }
  async tryForLeader(key: string): Promise<boolean> {
    const mine = await redis.set(key, "me", "EX", this.options.leaderLockTimeout, "NX");
    if (mine) await redis.expire(key, this.options.leaderLockTimeout);
    // The same value also bounds a wait: still a timeout.
    await redis.set(key, "me", { EX: this.options.lockTimeout });
    await waitForLock(key, this.options.lockTimeout);
    return mine !== null;
  }
}
declare function waitForLock(key: string, timeout: number): Promise<void>;

// An eviction age: entries older than it are dropped from a cache; nothing waits on it.
export class DownHostsCache {
  DOWN_HOSTS_TIMEOUT = 600;
  CONNECT_TIMEOUT = 20; // expect: no-hardcoded-timeout
  hosts = new Map<string, number>();
  refresh(): void {
    this.hosts.forEach((entryTime, key) => {
      if (Date.now() - this.DOWN_HOSTS_TIMEOUT * 1000 > entryTime) this.hosts.delete(key);
    });
  }
  async connect(host: string): Promise<void> {
    if (Date.now() - (this.hosts.get(host) ?? 0) > this.CONNECT_TIMEOUT * 1000) throw new Error("connect timed out");
  }
}
