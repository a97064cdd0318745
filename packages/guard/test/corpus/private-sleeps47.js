// JS `no-hardcoded-timeout`, session 47 (issue 9): a class's private sleep helper (`await this._delay(ms)`) is a sleep
// like `await delay(ms)`. musicbrainz-api's client falls back to 500 ms for the pause before it retries a 429/503
// answer, and reads that fallback nowhere else: a retry delay, not a deadline.
export class HttpClient {
  constructor(httpOptions) {
    this.httpOptions = httpOptions;
  }

  async _fetch(url) {
    const retryTimeout = this.httpOptions.timeout ? this.httpOptions.timeout : 500;
    for (let tries = 3; tries > 0; tries--) {
      const response = await fetch(url);
      if (response.status !== 503) return response;
      await this._delay(retryTimeout);
    }
    throw new Error(`Failed to fetch ${url} after retries`);
  }

  _delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}

