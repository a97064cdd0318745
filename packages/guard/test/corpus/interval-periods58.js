// JS `no-hardcoded-timeout`, session 58 (issue 9), from blind set fresh306 (@mparticle/web-sdk): a timeout-named
// setting used only as the period of a `setInterval` whose callback runs a round (sends a batch of stats) is a
// schedule, not a deadline. An interval that terminates a silent peer is a liveness bound and stays reported.
const DefaultConfig = { forwarderStatsTimeout: 5000 };
const HEARTBEAT_TIMEOUT = 30000; // expect: no-hardcoded-timeout

export function startForwardingStatsTimer(config = DefaultConfig) {
  return setInterval(function () {
    prepareAndSendForwardingStatsBatch();
  }, config.forwarderStatsTimeout);
}

export function watchPeers(wss) {
  return setInterval(function ping() {
    wss.clients.forEach((ws) => {
      if (ws.isAlive === false) return ws.terminate();
      ws.isAlive = false;
      ws.ping();
    });
  }, HEARTBEAT_TIMEOUT);
}

function prepareAndSendForwardingStatsBatch() {}
