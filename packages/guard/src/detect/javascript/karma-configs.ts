// Karma's config file hands its settings to the function it exports: `module.exports = function (config) {
// config.set({ ... }) }`. Karma arms its no-activity timer only when `browserNoActivityTimeout` is non-zero, so a 0
// there lets a silent browser hang the run without a limit. Its other timeouts are not so: `browserDisconnectTimeout:
// 0` waits 0 ms for a disconnected browser to come back. Known by the receiver (the `set` of the exported function's
// parameter), not by the file's name or the package's.
//
// Mocha's options handed on by the key that holds them (karma's `client: { mocha: { timeout: 0 } }`, WebdriverIO's
// `mochaOpts: { timeout: 0 }`): mocha reads `timeout: 0` as "no test timeout" (its `this.timeout(0)`), so a 0 there
// switches every test's limit off. Read from the text before the value: the `{` that opens mocha's options object
// with no other brace between it and the value (the value is that object's own `timeout`).
const MOCHA_OPTIONS = /\bmocha(Opts)?\s*:\s*\{[^{}]*$/;

/** Whether a 0 at `at`, stored under `key`, is the `timeout` of mocha's options object. */
export function mochaNoLimit(source: string, key: string | undefined, at: number): boolean {
  return key === "timeout" && MOCHA_OPTIONS.test(source.slice(Math.max(0, at - 400), at));
}

/** The exported config function's parameter: `module.exports = function (config)`, `= (config) =>`, `export default`. */
const EXPORTED_FUNCTION =
  /(?:\bmodule\.exports|\bexport\s+default)\s*=?\s*(?:async\s+)?(?:function\s*[\w$]*\s*\(\s*([\w$]+)|\(?\s*([\w$]+)\s*\)?\s*=>)/;

/** Karma settings whose 0 keeps the timer from being armed: no limit. */
const NO_LIMIT_AT_ZERO = /^browserNoActivityTimeout$/;

/**
 * Whether a 0 under `key`, written in an object given to `receiver` (as written, or held in a local and passed
 * whole), is karma's "no limit": the key is one karma arms only when set, and the receiver is `set` of the parameter
 * of the function the file exports.
 */
export function karmaNoLimit(source: string, key: string | undefined, receiver: string | undefined): boolean {
  if (key === undefined || receiver === undefined || !NO_LIMIT_AT_ZERO.test(key)) return false;
  const match = EXPORTED_FUNCTION.exec(source);
  const parameter = match?.[1] ?? match?.[2];
  return parameter !== undefined && receiver === `${parameter}.set`;
}
