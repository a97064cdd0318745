// A driver's defaults table: every wait that reads these settings is in another file of the package.
module.exports = {
  socketTimeoutMS: 0, // expect: no-unbounded-timeout
  query_timeout: false, // expect: no-unbounded-timeout
  requestTimeout: 0, // expect: no-unbounded-timeout
  statementTimeout: Infinity, // expect: no-unbounded-timeout
  // Read only by a timer that logs: a warning switched off, no wait.
  leakDetectionTimeout: 0,
  // A key no file of the package reads.
  statsTimeout: 0,
  // A bare `timeout`: every object of the package has one, the name alone says nothing about which. This table is
  // merged into the connection's options, and `this.options.timeout` arms a timer only when it is set: that says.
  timeout: 0, // expect: no-unbounded-timeout
};
