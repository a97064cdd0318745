// JS `no-unbounded-timeout`, session 53 (issue 9), from the labels of unofficial-jisho-api 2.3.4: Rollup's CommonJS
// output reaches axios through `_interopDefaultLegacy(require("axios"))`; an instance made from it with a timeout
// and named `axios` is that instance, whose requests are bounded. One made without a timeout is still reported.
"use strict";

var axiosBuilder = require("axios");

function _interopDefaultLegacy(e) {
  return e && typeof e === "object" && "default" in e ? e : { default: e };
}

var axiosBuilder__default = /*#__PURE__*/ _interopDefaultLegacy(axiosBuilder);

const axios = axiosBuilder__default["default"].create({
  headers: { "User-Agent": "jisho" },
  timeout: 10000, // expect: no-hardcoded-timeout
});

const unbounded = axiosBuilder__default["default"].create({ headers: {} }); // expect: no-unbounded-timeout

function search(uri) {
  return axios.get(uri).then((response) => response.data);
}

function other(uri) {
  return unbounded.get(uri);
}

module.exports = { search, other };
