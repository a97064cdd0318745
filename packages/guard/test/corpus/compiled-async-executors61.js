// JS `no-hardcoded-timeout`, session 61 (issue 9), from blind set fresh365 (@looker/extension-sdk): Babel compiles
// `new Promise(async (resolve, reject) => ...)` into an executor that hands its arguments to a generator. A timer there
// that rejects while the host's answer can resolve first is the handshake's deadline.
function _asyncToGenerator(fn) {
  return function () {
    var self = this,
      args = arguments;
    return new Promise(function (resolve, reject) {
      var gen = fn.apply(self, args);
      gen.next();
      resolve();
    });
  };
}

var connectExtensionHost = function (configuration) {
  return new Promise(
    (function () {
      var _ref2 = _asyncToGenerator(function* (resolve, reject) {
        var initializationTimer = window.setTimeout(() => reject(new Error("Failed to reach the host")), 30000); // expect: no-hardcoded-timeout
        configuration.host.on("ready", (answer) => {
          window.clearTimeout(initializationTimer);
          resolve(answer);
        });
      });
      return function (_x, _x2) {
        return _ref2.apply(this, arguments);
      };
    })(),
  );
};

module.exports = { connectExtensionHost };
