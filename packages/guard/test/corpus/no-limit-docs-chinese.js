// A "no limit" documented in Chinese (issue 9, session 44): cos-nodejs-sdk-v5's defaults table writes `Timeout: 0`
// with the comment "unit ms, 0 sets no timeout", and a request gets a timeout only when Timeout is truthy. The
// comment makes the 0 the SDK's own "wait forever". `expect:` marks each line that must be flagged; every other line
// must come out clean.
var defaultOptions = {
  AppId: "",
  Timeout: 0, // 单位毫秒，0 代表不设置超时时间 // expect: no-unbounded-timeout
  ProgressInterval: 1000,
};
// A 0 whose comment says nothing about a limit ("unit ms") stays unjudged.
var otherOptions = {
  ReadTimeout: 0, // 单位毫秒
};
var COS = function (options) {
  this.options = Object.assign({}, defaultOptions, otherOptions, options || {});
};
COS.prototype.submitRequest = function (params, callback) {
  var opt = { url: params.url };
  if (this.options.Timeout) opt.timeout = this.options.Timeout;
  return request(opt, callback);
};
module.exports = COS;
