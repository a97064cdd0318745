// A bundle reuses short names: axios's composeSignals binds `s` to a function that aborts, and a relay SDK's poll
// helper sleeps between attempts with `new Promise((s) => setTimeout(s, n))`, where `s` is the promise's resolve.
// The sleep is pacing between attempts (the bound is the attempt count), not a deadline.
const composeSignals = (e, t) => {
  const r = new AbortController();
  const s = function (u) {
    r.abort(u instanceof Error ? u : new Error(String(u)));
  };
  let o =
    t &&
    setTimeout(() => {
      (o = null), s(new Error(`timeout ${t} of ms exceeded`));
    }, t);
  e.forEach((u) => u.addEventListener("abort", s));
  return r.signal;
};

async function vc(e, t = 15, r = 0, n = 5e3) {
  if (r >= t) throw `Failed to get an ok response after ${r} attempt(s), aborting`;
  if (await e()) return !0;
  await new Promise((s) => setTimeout(s, n)), r++, await vc(e, t, r, n);
}

async function CA(n, e) {
  await vc(async () => (await n.getChainId()) === e, 10, void 0, 250);
}

// The file's own function of that name, not shadowed: the timer aborts the request when it fires.
function load(xhr) {
  const abortLoad = function () {
    xhr.abort();
  };
  setTimeout(abortLoad, 30000); // expect: no-hardcoded-timeout
  xhr.send();
}

module.exports = { composeSignals, vc, CA, load };
