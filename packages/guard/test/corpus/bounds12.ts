// Issue 9, session 12: a maximum a configured timeout is cut down to (pubnub: compared,
// assigned back to the setting it was compared with, named in the warning) is a bound on what may be configured, not
// a duration chosen. The default next to it is one. `expect:` marks findings.
const PRESENCE_TIMEOUT = 300; // expect: no-hardcoded-timeout
const PRESENCE_TIMEOUT_MAXIMUM = 320;

export function setDefaults(configuration: { presenceTimeout?: number }) {
  if (configuration.presenceTimeout !== undefined) {
    if (configuration.presenceTimeout > PRESENCE_TIMEOUT_MAXIMUM) {
      configuration.presenceTimeout = PRESENCE_TIMEOUT_MAXIMUM;
      console.warn("WARNING: Presence timeout is larger than the maximum. Using maximum value: ", PRESENCE_TIMEOUT_MAXIMUM);
    }
  } else configuration.presenceTimeout = PRESENCE_TIMEOUT;
  return configuration;
}

// Compared and then used as the value itself elsewhere: a duration after all.
const REQUEST_TIMEOUT_MAXIMUM = 320; // expect: no-hardcoded-timeout

export function request(options: { requestTimeout: number }, abort: () => void) {
  if (options.requestTimeout > REQUEST_TIMEOUT_MAXIMUM) options.requestTimeout = REQUEST_TIMEOUT_MAXIMUM;
  return setTimeout(abort, REQUEST_TIMEOUT_MAXIMUM);
}
