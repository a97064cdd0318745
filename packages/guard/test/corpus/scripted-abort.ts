// A test's timer that aborts the operation the test then checks is the action under test (issue 9, fresh4/fresh5).
declare function test(name: string, fn: () => Promise<void>): void;
declare function get(url: string, o: object): Promise<unknown>;
declare const assert: { equal(a: unknown, b: unknown): void; fail(m: string): never };

test("a request aborted before the server answers", async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 200);
  const error = await get("/slow", { signal: controller.signal }).catch((e: Error) => e);
  assert.equal((error as Error).name, "AbortError");
});

test("a request that must answer in time", async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 5000); // expect: no-hardcoded-timeout
  const body = await get("/fast", { signal: controller.signal });
  assert.equal(body, "ok");
});

test("a watchdog fails the test", async () => {
  setTimeout(() => assert.fail("aborted too late"), 1000); // expect: no-hardcoded-timeout
  await get("/x", {});
});
