// JS `no-hardcoded-timeout`, session 58 (issue 9), from blind set fresh306 (@sentry/serverless): Sentry's
// `flush(timeout)` and `close(timeout)` wait at most that long for queued events to be sent, and a handler awaits
// them before it returns: a bound. `flushTimeout` usually names a batching delay (`setTimeout(flush, flushTimeout)`),
// but handed to a flush it is that flush's bound (`flush-windows58.js` keeps the batching delay unreported).
import * as Sentry from "@sentry/node";

export function wrapHandler(handler, wrapOptions = {}) {
  const options = {
    flushTimeout: 2000, // expect: no-hardcoded-timeout
    ...wrapOptions,
  };
  return async (event) => {
    try {
      return await handler(event);
    } finally {
      await Sentry.flush(options.flushTimeout);
    }
  };
}

export async function shutdown() {
  await Sentry.close(5000); // expect: no-hardcoded-timeout
}
