// JS `no-unbounded-timeout` (session 11, issue 9): a test for being set and a timer in different functions are one
// value's flow on the same member path (one object's setting read in two places). Kept apart from evidence11.js: the
// evidence is by name, so `timeout` tested and armed here would vouch for every `timeout` of that file.

// avvio: the same member path tested in one function and armed in another: a 0 arms no timer, boot waits forever.
export function Boot(opts) {
  this._opts = opts;
  opts.timeout = Number(opts.timeout) || 0; // expect: no-unbounded-timeout
}
Boot.prototype.callWithCbOrNextTick = function (func) {
  if (this._opts.timeout === 0) func();
  else armReady.call(this, func);
};
function armReady(func) {
  this.readyTimer = setTimeout(func, this._opts.timeout);
}

