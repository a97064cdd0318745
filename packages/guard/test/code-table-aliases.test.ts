import { describe, expect, it } from "vitest";
import { findingLines, packageFindings } from "./helpers.ts";

// A long table of codes keeps a few aliases (spdy-transport's HTTP/2 error codes, fresh109): its timeout-named entry
// is a code. A short options table with a repeated value stays judged entry by entry.

describe("code tables with aliases", () => {
  it("reads spdy-transport's error table, two aliases among 16 codes, as codes", async () => {
    const constants = [
      "exports.error = {",
      "  OK: 0,",
      "  NO_ERROR: 0,",
      "  PROTOCOL_ERROR: 1,",
      "  INTERNAL_ERROR: 2,",
      "  FLOW_CONTROL_ERROR: 3,",
      "  SETTINGS_TIMEOUT: 4,",
      "  STREAM_CLOSED: 5,",
      "  INVALID_STREAM: 5,",
      "  FRAME_SIZE_ERROR: 6,",
      "  REFUSED_STREAM: 7,",
      "  CANCEL: 8,",
      "  COMPRESSION_ERROR: 9,",
      "  CONNECT_ERROR: 10,",
      "  ENHANCE_YOUR_CALM: 11,",
      "  INADEQUATE_SECURITY: 12,",
      "  HTTP_1_1_REQUIRED: 13",
      "}",
      "exports.options = { retries: 3, backoff: 2, connectTimeout: 3, port: 80, queue: 2 }",
      "exports.connect = (socket, o) => socket.setTimeout(exports.options.connectTimeout * 1000)",
    ].join("\n");
    expect(await packageFindings({ "lib/spdy-transport/protocol/http2/constants.js": constants })).toEqual([
      "lib/spdy-transport/protocol/http2/constants.js:19: no-hardcoded-timeout",
    ]);
  });
});

// Session 51 (issue 9), from blind set fresh200: ibmmq's `mqidefs_*.js` copy the MQ C header into one frozen object of
// 5,266 constants whose groups restart their numbering (`MQIA_RECEIVE_TIMEOUT :111`, `MQCRC_BRIDGE_TIMEOUT :8`): its
// timeout-named entries are codes. A whole number of seconds in milliseconds among them stays a duration.
describe("a C header's definitions in one object", () => {
  // Groups of codes, each numbered from 0 or 1 again, as a header's are.
  const groups = ["MQACT", "MQADOPT", "MQCA", "MQCRC", "MQEC", "MQGMO", "MQIA", "MQIACF", "MQOP", "MQRC"];
  const constants = groups.flatMap((group) => Array.from({ length: 12 }, (_, i) => `  ${group}_CODE_${i}: ${i},`));
  const header = (...extra: string[]) =>
    [
      "module.exports = Object.freeze({",
      ...constants,
      '  MQFMT_ADMIN: "MQADMIN",',
      "  MQFIELD_WQR_QName: 8004,",
      ...extra,
      "});",
    ].join("\n");

  it("reads its timeout-named codes as codes", async () => {
    const file = header("  MQIA_RECEIVE_TIMEOUT: 111,", "  MQCRC_BRIDGE_TIMEOUT: 8,", "  MQBNO_TIMEOUT_NEVER: -2,");
    expect(await findingLines("lib/mqidefs_linux.js", file)).toEqual([]);
  });

  it("keeps a whole number of seconds in milliseconds a duration", async () => {
    expect(await findingLines("lib/mqidefs_linux.js", header("  MQ_DEFAULT_TIMEOUT: 30000,"))).toEqual([
      "124: no-hardcoded-timeout",
    ]);
  });

  it("judges a short table entry by entry", async () => {
    const file = [
      "module.exports = {",
      "  MQIA_RECEIVE_TIMEOUT: 111,",
      "  MQIA_Q_TYPE: 20,",
      "  MQ_RETRIES: 20,",
      "};",
    ];
    expect(await findingLines("lib/defs.js", file.join("\n"))).toEqual(["2: no-hardcoded-timeout"]);
  });
});
