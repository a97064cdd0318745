import DEFAULTS from "./defaults";
import PANEL_DEFAULTS from "./panel-defaults";

export class Pool {
  constructor(options) {
    Object.assign(this, DEFAULTS, options);
  }

  acquire(fail) {
    if (this.timeout) this.timer = setTimeout(fail, this.timeout);
  }
}

export class Panel {
  constructor(options) {
    Object.assign(this, PANEL_DEFAULTS, options);
  }

  load(fail) {
    if (this.loadTimeout) this.timer = setTimeout(fail, this.loadTimeout);
  }
}
