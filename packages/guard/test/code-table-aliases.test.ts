import { describe, expect, it } from "vitest";
import { packageFindings } from "./helpers.ts";

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
