// A client's defaults table, merged into its options by lodash's `_.assign` in another module (no spread, no
// `Object.assign`), which arms the request timer only when `timeout` is set.
module.exports = {
  timeout: 0, // expect: no-unbounded-timeout
};
