// JS `no-hardcoded-timeout`, session 32 (issue 9): a duration added to the clock to build a date stored under an
// expiry name (@algorandfoundation/algokit-utils: `this._paramsExpiry = new Date(Date.now() + this._paramsTimeout)`)
// is how long a cached value stays fresh (a lifetime); nothing waits for that date. The same sum stored as a
// deadline bounds a call and stays reported.
class Client {
  constructor(algod) {
    this.algod = algod;
    this._cachedParamsTimeout = 3000; // three seconds
    this._requestTimeout = 8000; // expect: no-hardcoded-timeout
  }

  setParamsCache(params, until) {
    this._cachedParams = params;
    this._cachedParamsExpiry = until ?? new Date(+new Date() + this._cachedParamsTimeout);
  }

  async getParams() {
    if (this._cachedParams && this._cachedParamsExpiry > new Date()) return this._cachedParams;
    this._cachedParams = await this.algod.getParams();
    this._cachedParamsExpiry = new Date(new Date().getTime() + this._cachedParamsTimeout);
    return this._cachedParams;
  }

  call(method, request) {
    const deadline = new Date(Date.now() + this._requestTimeout);
    return this.algod.makeUnaryRequest(method, request, { deadline });
  }
}

module.exports = { Client };
