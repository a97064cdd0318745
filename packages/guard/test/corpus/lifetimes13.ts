// Lock leases named "timeout" reached through a local (issue 9, fresh21's @hocuspocus/extension-redis, scout12jsr's
// ioredis-lock): the copy is handed only to a lock's expiry (Redlock's `acquire(resources, duration)`, Redis
// `"PX", ttl`), so the original is how long the lock lives, not a bound on a wait. `expect:` marks findings.
declare const redlock: {
  acquire(resources: string[], duration: number): Promise<{ release(): Promise<void> }>;
};
declare const client: { set(key: string, value: string, ...args: unknown[]): Promise<string | null> };
declare const pool: { acquire(timeout: number): Promise<unknown> };
declare function waitForPeer(name: string, timeout: number): Promise<void>;

// A Redlock lease: the configured duration is the lock keys' time to live.
export class RedisExtension {
  configuration = {
    lockTimeout: 1000,
    awaitInitialSyncTimeout: 1000, // expect: no-hardcoded-timeout
  };
  async onStore(resource: string): Promise<void> {
    const ttl = this.configuration.lockTimeout;
    const lock = await redlock.acquire([resource], ttl);
    await lock.release();
  }
  async onLoad(name: string): Promise<void> {
    const wait = this.configuration.awaitInitialSyncTimeout;
    await waitForPeer(name, wait);
  }
}

// A lock key's expiry through a local: `set(key, id, "PX", ttl, "NX")`.
export class Lock {
  timeout = 10000;
  attempt(key: string): Promise<string | null> {
    const ttl = this.timeout;
    return client.set(key, "me", "PX", ttl, "NX");
  }
}

// The same copy also bounds a wait: still a timeout. (A file's locals are known by name: one `ttl` handed to a
// wait anywhere in the file keeps every timeout copied to a `ttl` reported.)
export class WaitingLock {
  holdTimeout = 5000; // expect: no-hardcoded-timeout
  async attempt(key: string): Promise<void> {
    const lease = this.holdTimeout;
    await client.set(key, "me", "PX", lease, "NX");
    await waitForPeer(key, lease);
  }
}

// A pool's `acquire(timeout)` takes no list of resources: its argument bounds the wait for a connection.
export class Pool {
  acquireTimeout = 3000; // expect: no-hardcoded-timeout
  async take(): Promise<unknown> {
    const limit = this.acquireTimeout;
    return pool.acquire(limit);
  }
}
