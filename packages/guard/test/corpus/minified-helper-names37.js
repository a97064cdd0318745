// Issue 9, session 37 (a yarn release bundle vendored in fdm-monster): minified modules reuse one-letter names. One
// module's `c` arms a deadline with its parameter; another module's `c` formats React's error codes, and its calls
// `c(188)` are no helper's timeout. A name the file defines more often than as a helper says nothing of which one a
// call runs, so neither call is read as the helper's (module A's own `c(1500, p)` is the price); a helper defined once
// is followed as before. `expect:` marks findings.
var moduleA = (function () {
  function c(ms, p) {
    var t = setTimeout(function () {
      p.reject(new Error("timed out"));
    }, ms);
    return p.finally(function () {
      clearTimeout(t);
    });
  }
  return { run: (p) => c(1500, p) };
})();

var moduleB = (function () {
  function c(code) {
    return "Minified React error #" + code;
  }
  function check(node) {
    if (!node) throw Error(c(188));
    return node;
  }
  return { check };
})();

function withDeadline(promise, ms) {
  return Promise.race([
    promise,
    new Promise(function (_, reject) {
      setTimeout(function () {
        reject(new Error("timed out"));
      }, ms);
    }),
  ]);
}

withDeadline(fetch("/x"), 2500); // expect: no-hardcoded-timeout

export { moduleA, moduleB, withDeadline };
