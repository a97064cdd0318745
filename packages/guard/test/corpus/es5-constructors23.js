// An ES5 class as TypeScript's and Babel's ES5 output writes it: the constructor is a function whose prototype the
// file writes. Its `this.timeout = 0` is the object's own default, and `send` arms the timer only when it is set, so
// each request of an object left at its default waits with no limit, as a `class` constructor's 0 does.
var XMLHttpRequest = /** @class */ (function () {
  function XMLHttpRequest() {
    this.readyState = 0;
    this.timeout = 0; // expect: no-unbounded-timeout
  }
  XMLHttpRequest.prototype.send = function (data) {
    var _this = this;
    if (this.timeout >= 1) {
      this.timeoutTimer = setTimeout(function () {
        _this.abort();
      }, this.timeout);
    }
    this.request.end(data);
  };
  XMLHttpRequest.prototype.abort = function () {
    // After the request: the field is reset, not a default.
    this.timeout = 0;
    this.request.destroy();
  };
  return XMLHttpRequest;
})();

// A plain function nobody builds objects with (no prototype written): its 0 is a reset like any method's.
function resetRequest() {
  this.timeout = 0;
}

export { XMLHttpRequest, resetRequest };
