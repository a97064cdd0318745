// JS `no-hardcoded-timeout`, session 48 (issue 9): a fallback converted to another unit is the default
// (`(opts.timeoutInSeconds ?? 60) * 1000`), also as TypeScript compiles the `??` for older targets. Fern's generated
// clients (@usebridge/api) nest two of them: the request's own setting, then the client's, then 60 s.
export class PatientsClient {
  async list(requestOptions, fetcher) {
    var _d, _e, _f;
    return fetcher({
      timeoutMs:
        ((_f =
          (_d = requestOptions === null || requestOptions === void 0 ? void 0 : requestOptions.timeoutInSeconds) !==
            null && _d !== void 0
            ? _d
            : (_e = this._options) === null || _e === void 0
              ? void 0
              : _e.timeoutInSeconds) !== null && _f !== void 0
          ? _f
          : 60) * 1000, // expect: no-hardcoded-timeout
    });
  }

  async get(requestOptions, fetcher) {
    var _a;
    return fetcher({ timeoutMs: ((_a = requestOptions.timeoutInSeconds) != null ? _a : 30) * 1000 }); // expect: no-hardcoded-timeout
  }

  async retries(requestOptions, fetcher) {
    var _a;
    return fetcher({ timeoutMs: ((_a = requestOptions.timeoutInSeconds) != null ? _a : 0) * 1000 });
  }
}
