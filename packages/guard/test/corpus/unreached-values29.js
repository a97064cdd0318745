// JS `no-hardcoded-timeout`, session 29 (fresh59, fresh64): literals named like timeouts that reach nothing that
// waits. A fallback printed in an error's or a log line's text (the timer's delay is computed elsewhere); a local
// stored and never read again (a `deadline` the loop below never tests); the second argument axios ignores after a
// request config; the `default` an MCP tool's `inputSchema` advertises (the server applies no schema default). Kept:
// the fallback that arms the timer, one in a URL's query, a deadline the loop tests, axios' config after a URL, and
// the handler's own fallback.
const axios = require("axios");

export const tools = [
  {
    name: "explore",
    inputSchema: {
      type: "object",
      properties: { timeout_seconds: { type: "number", default: 30 } },
    },
  },
];

export async function explore(args, client) {
  const timeoutMs = (args.timeout_seconds || 30) * 1000; // expect: no-hardcoded-timeout
  const timeout = new Promise((_, reject) => {
    setTimeout(() => reject(new Error(`Operation timeout after ${args.timeout_seconds || 30} seconds`)), timeoutMs);
  });
  console.warn("exploring for up to " + (args.timeout_seconds || 30) + " seconds");
  const poll = fetch(`${client.base}/poll?timeout=${args.timeout_seconds || 30}`); // expect: no-hardcoded-timeout
  return Promise.race([client.explore(args), timeout, poll]);
}

export async function stopPid(pid, isRunning) {
  process.kill(pid, "SIGTERM");
  let deadline = Date.now() + 3000; // expect: no-hardcoded-timeout
  while (deadline > Date.now()) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!(await isRunning(pid))) return true;
  }
  process.kill(pid, "SIGKILL");
  deadline = Date.now() + 1000;
  while (await isRunning(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
  return false;
}

export async function send(url, data) {
  const options = { url, method: "POST", data };
  const first = await axios(options, { timeout: 5 * 60 * 1000 });
  const second = await axios(url, { timeout: 60 * 1000 }); // expect: no-hardcoded-timeout
  return [first.data, second.data];
}
