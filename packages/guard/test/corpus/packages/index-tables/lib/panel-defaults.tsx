// A panel's defaults in a `.tsx` module (`import PANEL_DEFAULTS from "./panel-defaults"`): the panel arms its load
// timer with `this.loadTimeout` only when set.
export default {
  loadTimeout: 0, // expect: no-unbounded-timeout
};
