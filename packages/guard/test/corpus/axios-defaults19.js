// JS `no-unbounded-timeout`, session 19 (issue 9): axios' defaults table, vendored into a package's bundle. The
// comment above its zero says what it means (axios' own words: no timer is made for it): the library's "no limit" for
// every request its instances make, reported as other documented defaults are. A zero whose comment says only that
// "the timeout is not created here", another bound applying, stays unreported (axios-like-socket19.js: one reaching a wait).
const defaults = {
  transitional: { silentJSONParsing: true },

  transformResponse: [
    function transformResponse(data) {
      return data;
    },
  ],

  /**
   * A timeout in milliseconds to abort a request. If set to 0 (default) a
   * timeout is not created.
   */
  timeout: 0, // expect: no-unbounded-timeout

  xsrfCookieName: "XSRF-TOKEN",
  xsrfHeaderName: "X-XSRF-TOKEN",
};

const uploadDefaults = {
  /** How long an upload may take. When 0, the timeout is not created here; the agent's 30 s socket timeout applies. */
  uploadTimeout: 0,
  maxBodyLength: -1,
};

defaults.headers = {};
uploadDefaults.headers = {};
