// Karma's config file hands its settings to the function it exports: `module.exports = function (config) {
// config.set({ ... }) }`. Karma arms its no-activity timer only when `browserNoActivityTimeout` is non-zero, so a 0
// there lets a silent browser hang the run without a limit. Its other timeouts are not so: `browserDisconnectTimeout:
// 0` waits 0 ms for a disconnected browser to come back. Known by the receiver (the `set` of the exported function's
// parameter), not by the file's name or the package's.
//
// Mocha's options handed on by the key that holds them (karma's `client: { mocha: { timeout: 0 } }`, WebdriverIO's
// `mochaOpts: { timeout: 0 }`): mocha reads `timeout: 0` as "no test timeout" (its `this.timeout(0)`), so a 0 there
// switches every test's limit off.
import { type EsNode, isNode, propertyName, span, unwrap } from "./ast.ts";

/** The keys under which a config hands mocha its options. */
const MOCHA_OPTIONS = /^(mocha|mochaOpts)$/;

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

/**
 * `mocha: { timeout: 0 }` (a property of the walk): where the values of the `timeout` keys of mocha's options object
 * start, added to `starts` (the file's set: `FileFacts.mochaTimeouts`).
 */
export function collectMochaOptions(node: EsNode, starts: Set<number>): void {
  if (node.type !== "Property" || !MOCHA_OPTIONS.test(propertyName(node) ?? "") || !isNode(node.value)) return;
  const options = unwrap(node.value);
  if (options.type !== "ObjectExpression") return;
  for (const property of options.properties as EsNode[])
    if (property.type === "Property" && propertyName(property) === "timeout" && isNode(property.value))
      starts.add(span(unwrap(property.value))[0]);
}
