// JS `no-hardcoded-timeout`, session 55 (issue 9): twilio's WebSocket transport (twilio-client, fresh266;
// @twilio/voice-sdk, fresh270). How long a connection must stay open to count as a success is compared on the clock
// and only resets the backoff: a threshold, no bound on a wait. The heartbeat's timer gives the socket up (its private
// `_closeSocket()`) when nothing arrived for that long, whatever its log line says about reconnecting: a liveness
// deadline. A clock comparison that fails the wait stays a deadline.
var CONNECT_SUCCESS_TIMEOUT = 10000;
var HEARTBEAT_TIMEOUT = 15000; // expect: no-hardcoded-timeout
var HANDSHAKE_TIMEOUT = 5000; // expect: no-hardcoded-timeout

function WSTransport() {}

WSTransport.prototype._close = function () {
  if (this._timeOpened && Date.now() - this._timeOpened > CONNECT_SUCCESS_TIMEOUT) {
    this._backoff.reset();
  }
  this._backoff.backoff();
};

WSTransport.prototype._setHeartbeatTimeout = function () {
  var _this = this;
  clearTimeout(this._heartbeatTimeout);
  this._heartbeatTimeout = setTimeout(function () {
    _this._log.info("No messages received in " + HEARTBEAT_TIMEOUT / 1000 + " seconds. Reconnecting...");
    _this._shouldFallback = true;
    _this._closeSocket();
  }, HEARTBEAT_TIMEOUT);
};

WSTransport.prototype._waitForHandshake = function (started, reject) {
  while (!this._handshaken) {
    if (Date.now() - started > HANDSHAKE_TIMEOUT) {
      reject(new Error("handshake"));
      return;
    }
    this._poll();
  }
};

exports.WSTransport = WSTransport;
