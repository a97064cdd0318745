// JS `no-hardcoded-timeout`, session 60 (issue 9), from blind sets fresh326 and fresh333 (@cardano-sdk/ogmios, @cardano-sdk/wallet):
// `Milliseconds(n)` is a branded number, a cast that names its unit: a timeout constant built with it is the literal.
const core_1 = require("@cardano-sdk/core");
const rxjs_1 = require("rxjs");

const DEFAULT_RESPONSE_TIMEOUT = (0, core_1.Milliseconds)(10000); // expect: no-hardcoded-timeout
const withTimeout = () =>
  (0, rxjs_1.timeout)({
    first: DEFAULT_RESPONSE_TIMEOUT,
    with: () => (0, rxjs_1.throwError)(() => new Error("Timeout")),
  });

async function waitForWalletStateSettle(wallet, options = {}) {
  const { syncTimeout = (0, core_1.Milliseconds)(120000) } = options; // expect: no-hardcoded-timeout
  return (0, rxjs_1.firstValueFrom)(wallet.isSettled$.pipe((0, rxjs_1.timeout)(syncTimeout)));
}

// A count of something else built the same way is no timeout.
const POLL_BATCH = (0, core_1.Milliseconds)(250);

exports.eraSummaries = (node) => (0, rxjs_1.firstValueFrom)(node.eraSummaries$.pipe(withTimeout()));
exports.waitForWalletStateSettle = waitForWalletStateSettle;
exports.POLL_BATCH = POLL_BATCH;
