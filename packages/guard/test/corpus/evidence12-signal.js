// JS `no-unbounded-timeout`, session 12 (issue 9): a file whose requests each carry `AbortSignal.timeout(...)` bounds
// every phase of them, so undici's own transport timers switched off there leave no wait without a bound (pubnub's
// Node transport: its connector's `timeout: 0` beside the per-request signal). Other receivers' 0 still stands.
import { Agent, buildConnector } from "undici";

export class NodeTransport {
  makeConnector(keepAlive) {
    return buildConnector({
      allowH2: true,
      timeout: 0,
      keepAlive,
    });
  }

  agent() {
    return new Agent({ connect: this.makeConnector(true), headersTimeout: 0, bodyTimeout: 0 });
  }

  async send(url, req) {
    const signal = AbortSignal.timeout(req.timeout * 1000);
    return fetch(url, { dispatcher: this.agent(), signal });
  }

  // The signal bounds the file's requests, not a browser's navigation.
  async open(page, url) {
    await page.goto(url, { timeout: 0 }); // expect: no-unbounded-timeout
  }
}
