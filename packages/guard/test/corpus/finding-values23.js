// Which literal a finding names: the one the rule judged, at its own column, even where an earlier literal on the
// line is a quiet window or a poll interval (review22 item 8). `(names N)`: finding-values.test.ts checks the message.
export function waitForStable(quietMs = 750, maxWaitTime = 5000) { // expect: no-hardcoded-timeout (names 5000)
  return new Promise((resolve, reject) => {
    let quietTimer;
    const deadline = setTimeout(() => {
      reject(new Error("Timed out waiting for a stable page"));
    }, maxWaitTime);
    const quiet = () => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => {
        clearTimeout(deadline);
        resolve("stable");
      }, quietMs);
    };
    quiet();
  });
}

export async function shown(page) {
  await waitFor(() => page.ready(), { interval: 50, timeout: 5000 }); // expect: no-hardcoded-timeout (names 5000)
  await page.waitForFunction(() => window.ready, { polling: 100, timeout: 5000 }); // expect: no-hardcoded-timeout (names 5000)
}
