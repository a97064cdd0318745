// AVA's `t.timeout(ms)` on the context AVA hands the test, whatever it is called (issue 9). `expect:` marks each
// line that must be flagged.
import anyTest from "ava";

anyTest("waits for the server", async (context) => {
  context.timeout(5000); // expect: no-hardcoded-timeout
});

anyTest.serial("in order", async (tt) => {
  tt.timeout(30000); // expect: no-hardcoded-timeout
});

// A timeout(ms) method on an object the test made is the object's own (a request builder's).
anyTest("builds", (t) => {
  const built = { timeout: (ms) => ms };
  t.is(built.timeout(10), 10);
});
