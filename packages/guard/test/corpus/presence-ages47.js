// JS `no-hardcoded-timeout`, session 47 (issue 9): y-protocols' awareness `outdatedTimeout` is how old a peer's
// presence state may grow before it is dropped (bundled in @inditextech/weave-store-azure-web-pubsub): an expiry of
// state, like a cache's TTL; the interval that checks it is a schedule. Nothing waits on either.
export const outdatedTimeout = 3e4;

export class Awareness {
  constructor(doc) {
    this.meta = new Map();
    this._checkInterval = setInterval(() => {
      const now = Date.now();
      // the bundle inlines the constant here
      for (const [clientid, meta] of this.meta) if (3e4 <= now - meta.lastUpdated) this.meta.delete(clientid);
    }, Math.floor(outdatedTimeout / 10));
    doc.on("destroy", () => clearInterval(this._checkInterval));
  }
}

// A wait for the same peers is still a wait.
export function waitForPeers(provider) {
  return provider.whenSynced({ syncTimeout: 30000 }); // expect: no-hardcoded-timeout
}
