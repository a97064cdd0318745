class Worker {
  run(task, startup) {
    const timeoutMs = startup ? this.opts.spawnTimeoutMillis : this.opts.taskTimeoutMillis;
    if (timeoutMs > 0) this.timer = setTimeout(() => this.fail(task), timeoutMs);
    // Always armed: a 0 here fires at once.
    this.drain = setTimeout(() => this.flush(), this.opts.drainTimeoutMillis);
    this.idle = this.opts.idleTimeoutMillis;
  }
}

exports.Worker = Worker;
