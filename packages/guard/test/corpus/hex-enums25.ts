// Issue 9, fresh49's false hardcoded findings: WebGL's enums as one exported constant each, grouped by topic rather
// than numbered in order (webgl-constants). A value written in hex after hex codes is one more code. `expect:` marks
// findings.

/**
 * @constant {number}
 */
export const GL_VERTEX_ARRAY_BINDING: number = 0x85b5;
export const GL_MAX_VERTEX_OUTPUT_COMPONENTS: number = 0x9122;
export const GL_MAX_FRAGMENT_INPUT_COMPONENTS: number = 0x9125;
export const GL_MAX_SERVER_WAIT_TIMEOUT: number = 0x9111;
export const GL_MAX_ELEMENT_INDEX: number = 0x8d6b;
export const GL_RED: number = 0x1903;

// The same, compiled to CommonJS assignments.
exports.GL_SYNC_FENCE = 0x9116;
exports.GL_SYNC_CONDITION = 0x9113;
exports.GL_TIMEOUT_EXPIRED = 0x911b;
exports.GL_SYNC_FLUSH_COMMANDS_BIT = 0x00000001;
exports.GL_WAIT_FAILED = 0x911d;

// Decimal settings in no order stay settings: the timeout among them is a duration.
export const MAX_SOCKETS = 50;
export const REQUEST_TIMEOUT = 30000; // expect: no-hardcoded-timeout
export const MAX_REDIRECTS = 5;
export const RETRIES = 3;
export const PORT = 8080;

// A hex duration among decimal settings is not a code table either.
export const BUFFER_SIZE = 4096;
export const IDLE_TIMEOUT = 0x7530; // expect: no-hardcoded-timeout
export const QUEUE_LENGTH = 100;
export const WORKERS = 4;
