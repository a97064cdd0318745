// JS `no-unbounded-timeout`, session 19 (review19 item 6): a zero whose comment says "the timeout is not created"
// without axios' "if set to 0" sentence, and names the bound that applies instead, is no "no limit" documented.
const request = require("./request");

const defaults = {
  // When 0, the per-request timeout is not created here: the agent's socket timeout (30 s) applies instead.
  timeout: 0,
};

module.exports = (url) => request(url, { timeout: defaults.timeout });
