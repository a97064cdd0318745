// Exported option ids numbered in order (issue 9, fresh10's zeromq `ZMQ_CONNECT_TIMEOUT = 79` in
// `src/compat/long-options.ts`): socket option numbers, not durations. `expect:` marks findings.
export const ZMQ_RCVHWM = 24;
export const ZMQ_CURVE_SERVER = 47;
export const ZMQ_ZAP_DOMAIN = 55;
export const ZMQ_HEARTBEAT_IVL = 75;
export const ZMQ_HEARTBEAT_TTL = 76;
export const ZMQ_HEARTBEAT_TIMEOUT = 77;
export const ZMQ_CONNECT_TIMEOUT = 79;

// Exported settings are no code list: a run of durations, not numbered in order.
export const CONNECT_TIMEOUT = 10000; // expect: no-hardcoded-timeout
export const RETRIES = 3;
export const READ_TIMEOUT = 30000; // expect: no-hardcoded-timeout
export const MAX_SOCKETS = 64;
