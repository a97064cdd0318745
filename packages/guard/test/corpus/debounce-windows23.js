// JS `no-hardcoded-timeout`, session 23 (issue 9): a value handed on as a debounce's quiet period (select2's
// `quietMillis`) is how long to wait after the last keystroke before one request, not a deadline, whatever it was
// called before; webpack's `watchOptions.aggregateTimeout` is how long the watcher gathers changes before one
// rebuild. A timeout handed to the request itself, and an aggregate query's own deadline, stay reported.
const defaults = {
  ajaxTimeout: 500,
  requestTimeout: 10000, // expect: no-hardcoded-timeout
};

class RelatedItems {
  constructor(options) {
    this.options = { ...defaults, ...options };
  }

  init($el) {
    const ajaxTimeout = parseInt(this.options.ajaxTimeout || 300, 10);
    const requestTimeout = parseInt(this.options.requestTimeout || 8000, 10); // expect: no-hardcoded-timeout
    $el.select2({
      ajax: {
        url: this.options.vocabularyUrl,
        quietMillis: ajaxTimeout,
        params: { timeout: requestTimeout },
      },
    });
  }
}

module.exports = {
  RelatedItems,
  watch: true,
  watchOptions: {
    aggregateTimeout: 200,
    poll: 1000,
  },
};

async function aggregateReport(collection) {
  const aggregateTimeoutMs = 10000; // expect: no-hardcoded-timeout
  return collection.aggregate([{ $match: {} }], { maxTimeMS: aggregateTimeoutMs }).toArray();
}

module.exports.aggregateReport = aggregateReport;

// A file's own debounce and throttle (lodash's, written again): their defaults are the quiet period and the interval.
const debounce = (fn, timeout = 0, { leading = false } = {}) => {
  let timer = null;
  return (...args) => {
    if (leading && timer === null) fn(...args);
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), timeout);
  };
};

function throttle(fn, timeout = 200) {
  let last = 0;
  return (...args) => {
    if (Date.now() - last >= timeout) {
      last = Date.now();
      fn(...args);
    }
  };
}

// Not a debounce: its default bounds the wait for a reply.
function request(send, timeout = 3000) { // expect: no-hardcoded-timeout
  return new Promise((resolve, reject) => {
    send(resolve);
    setTimeout(() => reject(new Error("timed out")), timeout);
  });
}

module.exports.debounce = debounce;
module.exports.throttle = throttle;
module.exports.request = request;

// Session 52 (fresh229, @rstest/core): the watcher's options assigned whole to a config's `watchOptions`.
function applyWatch(config) {
  config.watchOptions = {
    ...config.watchOptions,
    aggregateTimeout: 100,
  };
  return config;
}

module.exports.applyWatch = applyWatch;

// Session 53 (fresh241, decentraland-rpc): the watch options handed straight to `compiler.watch`, known by their
// `ignored` sibling; an `aggregateTimeout` without one is still judged by its name.
function watchBuild(compiler, onBuild) {
  return compiler.watch({ ignored: /node_modules/, aggregateTimeout: 1000 }, onBuild);
}

function aggregate(pipeline) {
  return pipeline.run({ aggregateTimeout: 5000 }); // expect: no-hardcoded-timeout
}

module.exports.watchBuild = watchBuild;
module.exports.aggregate = aggregate;
