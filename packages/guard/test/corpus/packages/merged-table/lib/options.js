// A WebSocket client's defaults table. The client merges it into its options in another module and arms the request
// timer only when `timeout` is set there; judged alone, the bare key says nothing about which object reads it.
module.exports = {
  timeout: 0, // expect: no-unbounded-timeout
  // Merged too, but read off the options only to be logged.
  closeTimeout: 0,
  // No module reads it off the merged options.
  pingTimeout: 0,
};
