// JS `no-hardcoded-timeout`, session 61 (issue 9), from blind set fresh364 (webpack-server-render-middleware): the
// watch options a middleware merges with the caller's (`_extends({ aggregateTimeout: 200 }, options.watchOptions)`)
// hold the watcher's debounce window, not a deadline. A merged request timeout stays reported.
function middlewareCreator(compiler, options) {
  var watchOptions = _extends({ aggregateTimeout: 200 }, options.watchOptions);
  var requestOptions = _extends({ requestTimeout: 5000 }, options.requestOptions); // expect: no-hardcoded-timeout
  compiler.watch(watchOptions, () => {});
  return requestOptions;
}

function _extends(target, ...sources) {
  return Object.assign(target, ...sources);
}

module.exports = { middlewareCreator };
