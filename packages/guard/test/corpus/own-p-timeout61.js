// JS `no-hardcoded-timeout`, session 61 (issue 9), from blind set fresh372 (rubic-sdk): TypeScript's CommonJS call of
// the default export of the package's own copy of p-timeout (`../common/utils/p-timeout`) bounds the quote request,
// named after its module's file as p-timeout's importers name it.
"use strict";
var __importDefault = function (mod) {
  return mod && mod.__esModule ? mod : { default: mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const p_timeout_1 = __importDefault(require("../common/utils/p-timeout"));
const index_1 = __importDefault(require("../common/utils/index"));

async function calculate(api, from, to) {
  const quote = await (0, p_timeout_1.default)(api.fetchQuoteData(from, to), 7000); // expect: no-hardcoded-timeout
  const tokens = await (0, index_1.default)(api.fetchTokens(), 3000);
  return { quote, tokens };
}
exports.calculate = calculate;
