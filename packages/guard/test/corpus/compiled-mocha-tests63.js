// JS `no-hardcoded-timeout`, session 63 (issue 9), from blind set fresh397 (@dxos/echo-db): a mocha test's timeout
// chained on the test, `it(...).timeout(10000)`, also when TypeScript's CommonJS output calls the test through the
// module binding (`(0, mocha_1.it)(...)`, `mocha_1.it.skip(...)`).
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const mocha_1 = require("mocha");
(0, mocha_1.describe)("Echo", () => {
  (0, mocha_1.it)("replicates a party", async () => {
    await replicate();
  }).timeout(10000); // expect: no-hardcoded-timeout
  mocha_1.it
    .skip("3 devices", async () => {
      await replicate();
    })
    .timeout(20000); // expect: no-hardcoded-timeout
  (0, mocha_1.it)("local", async () => {
    await replicate();
  });
});
