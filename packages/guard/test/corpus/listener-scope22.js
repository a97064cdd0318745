// A timer races an event only when its callback is the very function registered as the event's listener: minified
// bundles name a dozen functions `r` (issue 9, session 22: bundled Preact's `r = function () {...}; s = setTimeout(r,
// 35)`, a fallback for a missing animation frame, while another function's `r` listens to an event). The same
// function registered beside the kept timer still races the event. `expect:` marks findings.
(function () {
  var hasFrame = typeof requestAnimationFrame == "function";
  function listen(el, r) {
    el.addEventListener("message", r);
  }
  function afterPaint(e) {
    var n,
      r = function () {
        clearTimeout(s), hasFrame && cancelAnimationFrame(n), setTimeout(e);
      },
      s = setTimeout(r, 35);
    hasFrame && (n = requestAnimationFrame(r));
  }
  function runChild(child, done) {
    var r = function () {
        clearTimeout(s);
        done();
      },
      s = setTimeout(r, 10000); // expect: no-hardcoded-timeout
    child.once("exit", r);
  }
  return { listen, afterPaint, runChild };
})();
