// A timer whose callback cancels a stale request only to start its replacement under the same handle defers the
// start (w2ui's form save): no deadline on the request it starts.
export function save(obj) {
  setTimeout(function () {
    if (obj.last.xhr)
      try {
        obj.last.xhr.abort();
      } catch (e) {}
    obj.last.xhr = $.ajax({ url: obj.url, complete: () => obj.unlock() });
  }, 50);
}

// The arming function started the request already: the timer aborts it and tries again, a per-try deadline.
export function send(obj) {
  obj.req = request(obj.url);
  setTimeout(function () {
    obj.req.abort();
    obj.req = request(obj.url);
  }, 5000); // expect: no-hardcoded-timeout
}

// Aborting without a replacement: a deadline.
export function watch(obj) {
  setTimeout(function () {
    obj.req.abort();
  }, 5000); // expect: no-hardcoded-timeout
}

// A replacement that also fails the caller: still a deadline.
export function replaceAndFail(obj, reject) {
  setTimeout(function () {
    obj.req.abort();
    obj.req = request(obj.url);
    reject(new Error("timed out"));
  }, 5000); // expect: no-hardcoded-timeout
}

function request(url) {
  return fetch(url);
}
