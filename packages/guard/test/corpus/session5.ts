// Families found on fresh5 (JS) and the scout6js sample (issue 9). `expect:` marks each line that must be flagged.
declare const options: { timeoutInMs?: number };
declare function renewSessionLock(id: string, o: object): Promise<void>;

// A unit after "In" (Azure SDKs).
export const receiveDrainTimeoutInMs = 200; // expect: no-hardcoded-timeout
renewSessionLock("s", { timeoutInMs: 10000 }); // expect: no-hardcoded-timeout
if (options.timeoutInMs == null) options.timeoutInMs = 5000; // expect: no-hardcoded-timeout

// Flags named like timeouts; how long something stays on screen; how long an entry stays cached.
export class CronJob {
  unrefTimeout = false;
}
export const ui = { toastTimeout: 3000, notificationTimeout: 5000, hideTimeout: 200, animationTimeout: 300 };
export const cache = { cacheTimeout: 60000, ttlTimeout: 0 };
