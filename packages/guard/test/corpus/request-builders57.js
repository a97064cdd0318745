// Request builders that take their timeout by a chained or later `.timeout(ms)`: a builder constructed before any
// method is chosen (@spotify-confidence's FetchBuilder) and one held in a local (bitgo's superagent requests).
const superagent = require("superagent");
const { FetchBuilder } = require("@spotify-confidence/client-http");

export function publisher(fetchImplementation) {
  return new FetchBuilder()
    .limitPending(1000)
    .timeout(30 * 60000) // expect: no-hardcoded-timeout
    .retry({ delay: 5 * 1000, backoff: 2 })
    .build(fetchImplementation);
}

export class Api {
  getAgentRequest(method, url) {
    return superagent[method](url);
  }

  fetchAsset(url) {
    const req = this.getAgentRequest("get", url);
    req.set("X-Version", "1");
    req.timeout(process.env.API_TIMEOUT * 1000 || 305 * 1000); // expect: no-hardcoded-timeout
    return req;
  }
}

export function upload(url, body) {
  const req = superagent.post(url);
  req.timeout(5000); // expect: no-hardcoded-timeout
  return req.send(body);
}

export function download(url) {
  return superagent.get(url).timeout(Number(process.env.DOWNLOAD_MS) || 8000); // expect: no-hardcoded-timeout
}

// A 0 is left to the builder's own meaning; an object nothing shows to be a request is not guessed at.
export function unbounded(url) {
  const req = superagent.get(url);
  req.timeout(0);
  return req;
}

export function entry(registry, id) {
  const found = registry.get(id);
  found.timeout(500);
  return found;
}

// An abort signal built by a helper and held in a local before the request takes it (@adobe/spacecat-shared-gpt-client).
const { timeoutSignal } = require("@adobe/fetch");

export async function generate(url, body) {
  const signal = timeoutSignal(15000); // expect: no-hardcoded-timeout
  return fetch(url, { method: "POST", body, signal });
}

export function counter() {
  const signal = createSignal(0);
  return signal;
}
