// A timer's callback given by name is judged by the function the name refers to where the timer is armed (issue 9,
// session 21). A callback parameter is judged by what the file's callers hand in for it: Haraka hands its
// `_graceful(shutdown)` a function that exits the process, so `force_shutdown_timeout * 1000` is a forced exit's
// deadline, not a pause before going on. A function declared beside the timer hides an outer one of the same name
// (irc-framework's bundle declares its ping-timeout `r`, which ends the connection, inside a module whose other `r`
// re-arms a ping timer). With both read, a timeout-named value scaled by a number (`pauseTimeout * 1000`) that only
// delays what comes next is a pause (`codes-and-retries20.js`). `expect:` marks findings.
const Server = {
  cfg: {
    main: {
      force_shutdown_timeout: 30, // expect: no-hardcoded-timeout
    },
  },
};

Server._graceful = async (shutdown) => {
  const t = setTimeout(shutdown, Server.cfg.main.force_shutdown_timeout * 1000);
  return t.unref();
};

Server.gracefulShutdown = () => {
  Server._graceful(() => {
    console.log("Failed to shutdown naturally. Exiting.");
    process.exit(0);
  });
};

// The callers hand in a function that only goes on: the scaled delay is a pause.
const Pacer = { settings: { pauseTimeout: 5 } };

Pacer.pause = (next) => {
  setTimeout(next, Pacer.settings.pauseTimeout * 1000);
};

Pacer.run = (items) => {
  Pacer.pause(() => Pacer.run(items.slice(1)));
};

// Minified shape: the module takes a parameter `r`, an outer `r` re-arms a ping timer, and the `r` declared beside
// the ping-timeout timer ends the connection.
const client = (function (t, e, r) {
  const options = {
    ping_interval: 30,
    ping_timeout: 120, // expect: no-hardcoded-timeout
  };
  function r() {
    t.connection.write("PING");
    t.connection.setTimeout(r, 1e3 * options.ping_interval);
  }
  return {
    startPingTimeoutTimer() {
      let timer = null;
      function r() {
        t.emit("ping timeout");
        t.connection.end("QUIT", true);
      }
      timer = t.connection.setTimeout(r, 1e3 * options.ping_timeout);
      return timer;
    },
    startPing: r,
  };
})(globalThis, null, null);

module.exports = { Server, Pacer, client };
