// JS `no-hardcoded-timeout`, session 47 (issue 9): a table declared under a name that says it holds pauses
// (@microsoft/ocsdk's `waitTimeBetweenRetriesConfigs`, keyed by operation, one of which is
// `validateAuthChatRecordTimeout`) holds how long to wait between two tries: no bound on a wait. The same operations'
// request timeout table stays reported.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
var waitTimeBetweenRetriesConfigs = (exports.waitTimeBetweenRetriesConfigs = {
  getChatConfig: 1000,
  sessionInit: 1000,
  validateAuthChatRecordTimeout: 1000,
});
var defaultRequestTimeoutConfig = (exports.defaultRequestTimeoutConfig = {
  getChatConfig: 30000,
  validateAuthChatRecordTimeout: 15000, // expect: no-hardcoded-timeout
});
