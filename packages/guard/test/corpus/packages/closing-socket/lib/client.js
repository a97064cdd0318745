// Session 17 (issue 9), SAP's AMQP/MQTT clients: the minimum options profile switches the force-close after ending
// the socket off (`socketEndCloseTimeout: 0`, armed by transport.js only if > 0, in `end()`, before the socket is
// ended): no wait goes without its bound. Its connect timeout's 0, armed the same way while connecting, leaves the
// connect without one.
const MINIMUM_OPTIONS = Object.freeze({
  tune: Object.freeze({
    socketEndCloseTimeout: 0,
    socketConnectTimeout: 0, // expect: no-unbounded-timeout
  }),
});

function minimumOptions(options) {
  return { ...MINIMUM_OPTIONS, ...options };
}

module.exports = { MINIMUM_OPTIONS, minimumOptions };
