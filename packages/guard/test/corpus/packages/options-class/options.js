// A worker pool's options: a class whose fields are the defaults. The task timeout is armed in another file, only
// when it is set, so its 0 here is the library's own "no limit".
class PoolOptions {
  taskTimeoutMillis = 0; // expect: no-unbounded-timeout
  // Reset state, not a default: nothing in the package tests it before arming a timer.
  idleTimeoutMillis = 0;

  constructor(opts) {
    this.spawnTimeoutMillis = 0; // expect: no-unbounded-timeout
    this.drainTimeoutMillis = 0;
    Object.assign(this, opts);
  }
}

exports.PoolOptions = PoolOptions;
