// A page's sleep raced against an operation (issue 9, session 24 JS recall): Playwright's and Puppeteer's
// `page.waitForTimeout(ms)` resolves after `ms` whatever happens; raced against a wait (galata's file browser refresh,
// `Promise.race([page.waitForTimeout(2000), this.contents.waitForAPIResponse(...)])`), whichever settles first ends the
// wait, so the delay bounds it. `expect:` marks each line that must be flagged.
declare const page: { waitForTimeout(ms: number): Promise<void>; waitForSelector(s: string): Promise<unknown> };
declare const contents: { waitForAPIResponse(trigger: () => Promise<void>): Promise<unknown> };
declare const button: { click(): Promise<void> };

export async function refresh(): Promise<void> {
  await Promise.race([
    page.waitForTimeout(2000), // expect: no-hardcoded-timeout
    contents.waitForAPIResponse(async () => {
      await button.click();
    }),
  ]);
  // A sleep on its own only waits (a pause for the DOM to render): nothing is bounded.
  await page.waitForTimeout(200);
}

export async function frame(frame: { waitForTimeout(ms: number): Promise<void> }): Promise<unknown> {
  return Promise.race([page.waitForSelector("#done"), frame.waitForTimeout(5000)]); // expect: no-hardcoded-timeout
}

// A race in a loop that goes round on a condition: the sleep paces a poll, as node's sleep does there.
export async function poll(state: { ready: boolean }): Promise<void> {
  while (!state.ready) await Promise.race([page.waitForSelector("#ready"), page.waitForTimeout(250)]);
}
