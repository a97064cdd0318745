// JS `no-hardcoded-timeout`, session 63 (issue 9), from session 62's blind set fresh379
// (@queue-it/connector-javascript): a literal cap on a floored timeout, `Math.min(5000, Math.max(800,
// settings.timeoutMillis))`, is the bound of the wait whenever the configured timeout is larger, as
// `Math.min(timeout, 5000)` is. The floor alone (`Math.max(800, timeoutMillis)`) clamps the caller's value.
export function tryDirectPass(settings, provider) {
  const timeoutMillis =
    settings?.timeoutMillis && !isNaN(settings.timeoutMillis)
      ? Math.min(5000, Math.max(800, settings.timeoutMillis)) // expect: no-hardcoded-timeout
      : 3000; // expect: no-hardcoded-timeout
  return provider.tryDirectPass(settings.url, timeoutMillis);
}

export function floored(settings) {
  return fetch(settings.url, { timeout: Math.max(800, settings.timeoutMillis) });
}
