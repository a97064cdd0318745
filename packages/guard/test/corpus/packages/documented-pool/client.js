// The client fills the pool's missing options; the pool's own documentation (pool.js) gives the meaning of its
// queueTimeout 0 (@mysql/xdevapi): a getSession() then waits for a free connection as long as it takes.
exports.validate = function (options) {
  options.pooling = Object.assign({ enabled: true, maxIdleTime: 0, maxSize: 25, queueTimeout: 0 }, options.pooling); // expect: no-unbounded-timeout
  return options;
};
