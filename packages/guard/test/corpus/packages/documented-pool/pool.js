/**
 * @prop {number} [maxIdleTime=0] - maximum number of milliseconds a connection can be idle (0 - infinite)
 * @prop {number} [queueTimeout=0] - maximum number of milliseconds to wait for a connection to become available (0 - infinite)
 */
exports.getSession = async function (pool, options, started) {
  const queueTimeout = options.pooling.queueTimeout;
  const elapsedTime = Date.now() - started;
  if (pool.isFull() && queueTimeout !== 0 && elapsedTime >= queueTimeout) throw new Error("queue timeout");
  return pool.take();
};
