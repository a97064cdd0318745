// JS `no-unbounded-timeout`, session 12 (issue 9): TypeScript's CommonJS output calls a module's default export as
// `(0, node_fetch_1.default)(url, config)`, with `node_fetch_1 = __importDefault(require("node-fetch"))`: the receiver
// is node-fetch itself, whose documented meaning of a zero request timeout is "none" (node-hue-api's fetch client).
// (No comment line here may name the option with its value and a "no limit" word: that is evidence of its own.)
"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_fetch_1 = __importDefault(require("node-fetch"));
const transport_1 = __importDefault(require("./transport"));

class HttpClientFetch {
    request(req) {
        const config = {
            method: req.method,
            timeout: req.timeout || 0, // expect: no-unbounded-timeout
        };
        return (0, node_fetch_1.default)(req.url, config);
    }

    // The package's own transport decides what its zero means: this file does not say.
    send(req) {
        const options = {
            method: req.method,
            timeout: req.timeout || 0,
        };
        return (0, transport_1.default)(req.url, options);
    }
}
exports.HttpClientFetch = HttpClientFetch;
