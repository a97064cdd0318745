// JS `no-hardcoded-timeout`, session 65 (issue 9), from the session's blind sets: chayns-api (fresh422) ships Babel's
// output of `fetch(url, { signal: AbortSignal.timeout?.(5000) })`, an optional call compiled to a test of the method
// and `_AbortSignal$timeout.call(_AbortSignal, 5000)`: the call is `AbortSignal.timeout(5000)`. A `.call` whose first
// argument is not the method's receiver is some other function's.
const fetchTrustedDomains = async () => {
  var _AbortSignal$timeout, _AbortSignal;
  const response = await fetch("https://example.com/trusted", {
    signal:
      (_AbortSignal$timeout = (_AbortSignal = AbortSignal).timeout) === null || _AbortSignal$timeout === void 0
        ? void 0
        : _AbortSignal$timeout.call(_AbortSignal, 5000), // expect: no-hardcoded-timeout
  });
  return response.json();
};

function relay(_AbortSignal$timeout, other) {
  return _AbortSignal$timeout.call(other, 5000);
}

module.exports = { fetchTrustedDomains, relay };
