// A timeout's default given by a helper of the file that hands its fallback back untouched when the setting is unset
// or unusable, however many statements test it first, and the fallback of a converted setting (issue 9, session 18
// JS recall). `expect:` marks each line that must be flagged.

function positiveIntOr(raw, fallback) {
  const n = raw !== undefined ? parseInt(raw, 10) : NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function integerAtLeast(value, fallback, minimum) {
  if (!Number.isFinite(value)) return fallback;
  return Math.max(minimum, Math.floor(value));
}

const ifNanUseDefault = (value, defaultNumber) => {
  return isNaN(Number(value)) ? defaultNumber : Number(value);
};

// Not fallback helpers: one compares the caller's value with its second parameter (a cap), one computes with it, one
// returns its second parameter and nothing else.
function capped(value, max) {
  return value > max ? max : value;
}
function scaled(value, unit) {
  if (value === undefined) return unit;
  return value * unit;
}
function always(value, other) {
  if (value) return other;
  return other;
}

export function settings(env, config, params) {
  return {
    connectTimeoutMs: positiveIntOr(env.PG_CONNECT_TIMEOUT, 10000), // expect: no-hardcoded-timeout
    statementTimeoutMs: integerAtLeast(config.statementTimeoutMs, 30_000, 1), // expect: no-hardcoded-timeout
    rebalance: ifNanUseDefault(params.rebalanceTimeout, 60_000), // expect: no-hardcoded-timeout
    requestMs: Number(env.REQUEST_TIMEOUT_MS) || 5000, // expect: no-hardcoded-timeout
    idleMs: parseInt(env.IDLE_TIMEOUT, 10) || 8000, // expect: no-hardcoded-timeout
    // Not a timeout's: the same helper and conversion give a port and a retry count their defaults.
    port: positiveIntOr(env.PG_PORT, 5432),
    retries: Number(env.RETRIES) || 3,
    // Not defaults: a cap, a unit, and a helper that ignores the value.
    capped: capped(config.timeout, 30_000),
    scaled: scaled(config.timeout, 1000),
    other: always(config.timeout, 250),
  };
}
