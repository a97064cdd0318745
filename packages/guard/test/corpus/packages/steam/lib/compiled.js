"use strict";
// TypeScript's call of an imported helper, and a same-named method of an unrelated object (not the package's).
const helpers_1 = require("./helpers");
function watch(emitter, other) {
  (0, helpers_1.onceTimeout)(30000, emitter, "ready", () => {}); // expect: no-hardcoded-timeout
  other.onceTimeout(30000, emitter, "ready", () => {});
}
exports.watch = watch;
