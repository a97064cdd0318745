// Session 17 mend (review17 item 3): a request's timer armed beside the `req.end()` that sends the request, and an
// own socket's timer whose callback hands on an error, bound the wait for the answer: they are no force-close of an
// ending socket, and the 0 that switches them off leaves that wait without a bound. Only an idle timer of the object's
// own socket whose callback just closes (`() => this.close()`, packages/closing-socket) is one.
const DEFAULTS = Object.freeze({
  url: "http://localhost",
  requestTimeout: 0, // expect: no-unbounded-timeout
  exchangeTimeout: 0, // expect: no-unbounded-timeout
});

module.exports = { DEFAULTS };
