// An exit timer that fails the process while the code beside it ends it well (issue 9, session 24 JS recall):
// agentgui's smoke test exits 0 when the reply comes and 1 from its overall timer; its server's SIGTERM handler exits 0
// once the servers are closed and 1 from a timer after 5 s. The two exits race: the failing one gives up on what has
// not ended, a deadline. `expect:` marks each line that must be flagged.
const WebSocket = require("ws");

const ws = new WebSocket("ws://localhost:3000");
ws.on("message", (data) => {
  if (String(data).includes("done")) process.exit(0);
});
setTimeout(() => {
  console.error("overall timeout");
  process.exit(1);
}, 15000); // expect: no-hardcoded-timeout

process.on("SIGTERM", () => {
  stopTools().finally(() => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(1), 5000); // expect: no-hardcoded-timeout
  });
});

// Not raced: a pause before exiting after a failure (nothing beside it exits well), and an exit timer whose own
// callback exits 0 (a delay before a clean exit).
function fail(error) {
  console.error(error);
  setTimeout(() => process.exit(1), 1000);
}

function finish() {
  flushLogs();
  setTimeout(() => process.exit(0), 500);
  if (process.env.CI) process.exit(0);
}

module.exports = { fail, finish };
