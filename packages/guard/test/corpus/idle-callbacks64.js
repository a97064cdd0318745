// JS `no-hardcoded-timeout`, session 64 (issue 9), from blind set fresh404 (rwsdk): the `timeout` of
// `requestIdleCallback`'s options is how long the browser may put the callback off when it is never idle, not a bound
// on a wait: nothing gives up when it passes. A timer that rejects a request stays reported.
export function scheduleCleanup(cleanup) {
  if (typeof requestIdleCallback !== "undefined") {
    requestIdleCallback(cleanup, { timeout: 5000 });
  } else {
    setTimeout(cleanup, 0);
  }
}

export const untilIdle = () => new Promise((resolve) => window.requestIdleCallback(resolve, { timeout: 2000 }));

export function fetchWithDeadline(url) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 8000); // expect: no-hardcoded-timeout
  return fetch(url, { signal: controller.signal });
}
