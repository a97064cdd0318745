// Helpers another file of the package calls with literals: one whose first parameter is the delay of a timer that
// gives up on the event and reports the timeout, and a sleep (its timer only resolves).
exports.onceTimeout = function (timeoutMilliseconds, emitter, event, handler) {
  let timeout;
  const internalHandler = function () {
    clearTimeout(timeout);
    handler.apply(emitter, [null].concat(Array.prototype.slice.call(arguments)));
  };
  timeout = setTimeout(() => {
    emitter.removeListener(event, internalHandler);
    handler.call(emitter, new Error("Request timed out"));
  }, timeoutMilliseconds);
  emitter.once(event, internalHandler);
};

exports.sleep = function (ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
};
