// JS `no-hardcoded-timeout`, session 65 (issue 9), from session 64's blind sets: @visaright/camunda-rest-client
// (fresh416) retries a request that lost an optimistic lock: `const { recursionLimit = 8, timeout = 300, ...rest } =
// options` destructured first, `await new Promise((resolve) => setTimeout(resolve, timeout))` between tries, and the
// next try's pause handed back to the same function, `makeRequest({ ...rest, timeout: Math.max(timeout + 100, 2000)
// })`. Every read of `timeout` is the pause or the next pause: named like a timeout, it bounds nothing. So in the
// package's ES5 build, where the default is `_c = _a.timeout, timeout = _c === void 0 ? 300 : _c`, the sleep is `return
// [4, new Promise(function (resolve) { return setTimeout(resolve, timeout); })]` in a `__generator` body and the next
// try's options go through `__assign`. A default also handed to a request stays reported.
export const createRequestFunction = function (axiosArgs, globalAxios, BASE_PATH) {
  return async (axios = globalAxios, basePath = BASE_PATH) => {
    const makeRequest = async (options) => {
      const { recursionLimit = 8, timeout = 300, ...rest } = options || {};
      try {
        return await axios.request({ ...axiosArgs.options, url: basePath + axiosArgs.url });
      } catch (error) {
        if (!error.response || recursionLimit <= 0) throw error;
        await new Promise((resolve) => setTimeout(resolve, timeout));
        return makeRequest({ ...rest, recursion: recursionLimit - 1, timeout: Math.max(timeout + 100, 2000) });
      }
    };
    return makeRequest();
  };
};

export const externalTaskApi = {
  async handleFailure(id, dto, options) {
    const { recursionLimit = 8, timeout = 700, ...rest } = options || {};
    try {
      return await creator.handleFailure(id, dto, rest);
    } catch (error) {
      if (error?.data?.type !== "OptimisticLockingException" || recursionLimit <= 0) throw error;
      await new Promise((resolve) => setTimeout(resolve, timeout));
      return this.handleFailure(id, dto, { ...rest, recursion: recursionLimit - 1, timeout: timeout + 400 });
    }
  },
  // Handed to the API's own `fetchAndLock` (another object's method of the same name): the lock request's bound.
  async fetchAndLock(dto, options) {
    const { recursionLimit = 3, lockTimeout = 500, ...rest } = options || {}; // expect: no-hardcoded-timeout
    try {
      return await creator.fetchAndLock(dto, { ...rest, lockTimeout });
    } catch (error) {
      if (recursionLimit <= 0) throw error;
      await new Promise((resolve) => setTimeout(resolve, lockTimeout));
      return this.fetchAndLock(dto, { ...rest, recursion: recursionLimit - 1, lockTimeout });
    }
  },
};

exports.downlevelRequest = function (axiosArgs, axios) {
  var makeRequest;
  makeRequest = function (options) {
    return __awaiter(this, void 0, void 0, function () {
      var _a, _b, recursionLimit, _c, timeout, rest, error_1;
      return __generator(this, function (_g) {
        switch (_g.label) {
          case 0:
            ((_a = options || {}),
              (_b = _a.recursionLimit),
              (recursionLimit = _b === void 0 ? 8 : _b),
              (_c = _a.timeout),
              (timeout = _c === void 0 ? 300 : _c),
              (rest = __rest(_a, ["recursionLimit", "timeout"])));
            _g.label = 1;
          case 1:
            _g.trys.push([1, 3, , 6]);
            return [4, axios.request(axiosArgs)];
          case 2:
            return [2, _g.sent()];
          case 3:
            error_1 = _g.sent();
            if (!(recursionLimit > 0)) return [3, 5];
            return [
              4,
              new Promise(function (resolve) {
                return setTimeout(resolve, timeout);
              }),
            ];
          case 4:
            _g.sent();
            return [
              2,
              makeRequest(
                __assign(__assign({}, rest), { recursion: recursionLimit - 1, timeout: Math.max(timeout + 100, 2000) }),
              ),
            ];
          case 5:
            throw error_1;
        }
      });
    });
  };
  return makeRequest();
};

// Another function's `_c`, a compiler's temporary reused for something else: not a read of the pause.
exports.setSearchParams = function (url, objects) {
  for (var _a = 0; _a < objects.length; _a++) {
    for (var key in objects[_a]) {
      for (var _b = 0, _c = objects[_a][key]; _b < _c.length; _b++) url.searchParams.append(key, _c[_b]);
    }
  }
};
