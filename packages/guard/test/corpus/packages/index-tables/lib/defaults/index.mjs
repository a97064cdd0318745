// A pool's defaults in its folder's index module (`import DEFAULTS from "./defaults"`), copied onto each pool object:
// the pool arms its acquire timer with `this.timeout` only when set.
export default {
  timeout: 0, // expect: no-unbounded-timeout
};
