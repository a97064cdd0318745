/**
 * How the derived timeouts relate, in one place: one call of `@org/http` (all its attempts and
 * backoff) ends within `timeouts.call` = TIMEOUT x CALL_TIMEOUT_FACTOR, and a test gets
 * `timeouts.test` = TIMEOUT x TEST_TIMEOUT_FACTOR: one call plus one TIMEOUT for the test's own work.
 */
export const CALL_TIMEOUT_FACTOR = 3;
export const TEST_TIMEOUT_FACTOR = CALL_TIMEOUT_FACTOR + 1;
