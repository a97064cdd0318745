// JS `no-unbounded-timeout`, session 28 (issue 9, guard-jsunb28b): a parameter a leading `if` rewrites to 0 when the
// caller gave none (node-imagemagick's `convert(args, timeout, callback)`) is this call's own default when every
// read of it only decides a branch, flows back into itself, or fills a field of a local options object the body
// hands to the call that runs the process: the 0 never leaves the call. The same rewrite whose value reaches a
// method (a socket's idle timer, whose 0 is "off") or whose options object is kept past the call stays reported.
var childproc = require("child_process");

function exec2(file, args, options, callback) {
  var child = childproc.spawn(file, args);
  if (options.timeout > 0) setTimeout(() => child.kill("SIGKILL"), options.timeout);
  child.on("close", callback);
  return child;
}

exports.convert = function (args, timeout, callback) {
  var procopt = { encoding: "binary" };
  if (typeof timeout === "function") {
    callback = timeout;
    timeout = 0;
  } else if (typeof timeout !== "number") {
    timeout = 0;
  }
  if (timeout && (timeout = parseInt(timeout)) > 0 && !isNaN(timeout)) procopt.timeout = timeout;
  return exec2("convert", args, procopt, callback);
};

// The options object kept on the module for later calls: the module's own "no limit".
exports.identify = function (args, timeout, callback) {
  var procopt = {};
  if (typeof timeout !== "number") {
    timeout = 0; // expect: no-unbounded-timeout
  }
  if (timeout > 0) procopt.timeout = timeout;
  exports.lastOptions = procopt;
  return exec2("identify", args, procopt, callback);
};

// Handed to a socket, whose 0 switches its idle timeout off.
exports.stream = function (socket, timeout) {
  if (typeof timeout !== "number") {
    timeout = 0; // expect: no-unbounded-timeout
  }
  socket.setTimeout(timeout);
  return socket;
};
