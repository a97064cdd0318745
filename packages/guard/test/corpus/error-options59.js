// JS `no-hardcoded-timeout`, session 59 (issue 9), from blind sets fresh321 (@sprucelabs/mercury-client) and
// fresh324 (@lskjs/proxy): a number written into an error's options object (`new SpruceError({ code: "TIMEOUT",
// timeoutMs: 20000 })`, reached through TypeScript's interop `SpruceError_1.default`) describes a wait that already
// timed out, and one in an object logged beside a message (`log.debug("start update", { timeout: 30000 })`) is written
// into the line: neither bounds a wait. The timer that rejects stays a deadline.
const SpruceError_1 = require("./errors/SpruceError");
const log = require("./log");

exports.connect = function connect(socket) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("connect timed out")), 20000); // expect: no-hardcoded-timeout
    log.debug("connecting", { timeout: 20000 });
    socket.on("connect", () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    socket.on("timeout", () => {
      reject(new SpruceError_1.default({ code: "TIMEOUT", eventName: "connect", timeoutMs: 20000 }));
    });
  });
};
