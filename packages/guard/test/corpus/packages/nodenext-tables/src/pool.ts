import DEFAULTS from "./defaults.js";

export class Pool {
  timeout?: number;
  timer?: ReturnType<typeof setTimeout>;

  constructor(options: Partial<typeof DEFAULTS>) {
    Object.assign(this, DEFAULTS, options);
  }

  acquire(fail: () => void) {
    if (this.timeout) this.timer = setTimeout(fail, this.timeout);
  }
}
