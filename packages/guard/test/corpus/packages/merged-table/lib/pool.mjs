import DEFAULTS from "./pool-defaults.mjs";

export class Pool {
  constructor(options) {
    Object.assign(this, DEFAULTS, options);
  }

  acquire(fail) {
    if (this.timeout) this.timer = setTimeout(fail, this.timeout);
  }
}
