// JS `no-hardcoded-timeout`, session 24: in a test, an abort signal that fires after a duration, handed in
// `{ signal: AbortSignal.timeout(1) }` to a call of a test that then checks the abort (its tests listen for "abort",
// expect `AbortError`), is the abort under test (the README's scripted test actions), not a bound. Kept: the same
// signal on a request in a test that checks the response, which it bounds.
const test = require("node:test");
const assert = require("node:assert");

test("promise timeout signal", { signal: AbortSignal.timeout(1) }, async (t) => {
  await Promise.all([
    t.test("ok 1", async () => {}),
    t.test("not ok 1", { signal: t.signal }, (t, done) => {
      t.signal.addEventListener("abort", done);
    }),
  ]);
});

test("aborts a slow fetch", async () => {
  await assert.rejects(fetch("http://localhost:9/slow", { signal: AbortSignal.timeout(10) }), {
    name: "AbortError",
  });
});

test("serves the form", async () => {
  const res = await fetch("http://localhost:3000/form", { signal: AbortSignal.timeout(200) }); // expect: no-hardcoded-timeout
  assert.strictEqual(res.status, 200);
});
