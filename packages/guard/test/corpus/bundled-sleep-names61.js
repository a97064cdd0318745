// JS `no-hardcoded-timeout`, session 61 (issue 9), from blind set fresh370 (@tago-io/sdk): esbuild names a default
// import after its module (`sleep_default`, here from another chunk); awaited with one argument it is the sleep between
// a chunk's upload tries.
// A timeout handed to the upload itself stays reported.
var sleep_default = require("./common/sleep.js").default;

class Uploader {
  async _addToQueue(part, options) {
    const maxTries = options?.maxTriesForEachChunk || 5;
    const timeout = options?.timeoutForEachFailedChunk || 2e3;
    const uploadTimeout = options?.uploadTimeout || 6e4; // expect: no-hardcoded-timeout
    let tries = 0;
    while (tries < maxTries)
      try {
        return await this._uploadPart(part, { signal: AbortSignal.timeout(uploadTimeout) });
      } catch (error) {
        await sleep_default(timeout);
        tries += 1;
      }
    throw new Error(`Failed to upload part after ${maxTries} attempts`);
  }
}

module.exports = { Uploader };
