// A generated SDK's retry loop (Speakeasy's, session 43): it gives up once the time spent passes `maxElapsedTime`, so
// that name bounds the wait wherever the package sets it, although nothing in it says "timeout".
export async function retryBackoff(fn, strategy) {
  const { maxElapsedTime, initialInterval, exponent, maxInterval } = strategy;
  const start = Date.now();
  let x = 0;
  while (true) {
    try {
      return await fn();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > maxElapsedTime) throw err;
      await delay(Math.min(initialInterval * Math.pow(exponent, x), maxInterval));
      x++;
    }
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
