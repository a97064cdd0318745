import { describe, expect, it } from "vitest";
import { unitSeconds } from "../src/name-words.ts";
import { isPacingName, isPythonTimeoutName, isTimeoutName, isUiDelayName } from "../src/names.ts";

// The release note of guard-python-timeout-places says which units make a timeout name; these pin it.
describe("timeout names with a unit, and the word after a leading timeout", () => {
  it("takes a microsecond unit after the timeout word for a timeout name", () => {
    expect(isTimeoutName("timeoutUs")).toBe(true);
    expect(isTimeoutName("timeout_us")).toBe(true);
  });

  it("takes msecs (Node's spelling in keepAliveMsecs) after the timeout word for a timeout name", () => {
    expect(isTimeoutName("keepAliveTimeoutMsecs")).toBe(true);
    expect(isTimeoutName("timeout_msecs")).toBe(true);
    expect(isTimeoutName("keepAliveMsecs")).toBe(false);
  });

  it("takes a timeout named first and then what it bounds (scrapli's timeout_socket), not its handler or id", () => {
    for (const name of ["timeout_socket", "timeout_transport", "timeout_ops", "TIMEOUT_CONNECT", "timeoutRead"])
      expect([name, isTimeoutName(name), isPythonTimeoutName(name)]).toEqual([name, true, true]);
    for (const name of ["timeout_handler", "timeout_error", "timeout_id", "TIMEOUT_IDLE", "timeout_socket_error"])
      expect([name, isTimeoutName(name), isPythonTimeoutName(name)]).toEqual([name, false, false]);
  });

  it("takes OPC UA's timeoutHint (a request's timeout, node-opcua's client waits by it) for a timeout name", () => {
    for (const name of ["timeoutHint", "requestTimeoutHint", "TIMEOUT_HINT"])
      expect([name, isTimeoutName(name)]).toEqual([name, true]);
    expect(isTimeoutName("hintTimeout")).toBe(true);
    expect(isTimeoutName("timeoutHintText")).toBe(false);
  });

  it("does not take an expiry's or an expiration's timeout for a timeout name (a lifetime, odsp-driver's cache)", () => {
    for (const name of ["defaultSummarizerCacheExpiryTimeout", "tokenExpirationTimeout", "EXPIRATION_TIMEOUT_MS"])
      expect([name, isTimeoutName(name)]).toEqual([name, false]);
    expect(isTimeoutName("expiryCheckTimeout")).toBe(true);
  });

  it("does not take a signed URL's lifetime for a timeout name (bedrock-agentcore's DEFAULT_PRESIGNED_URL_TIMEOUT)", () => {
    for (const name of ["DEFAULT_PRESIGNED_URL_TIMEOUT", "signedUrlTimeout", "presign_url_timeout"])
      expect([name, isTimeoutName(name)]).toEqual([name, false]);
    expect(isPythonTimeoutName("presigned_url_timeout")).toBe(false);
    for (const name of ["URL_TIMEOUT", "fetchUrlTimeout"]) expect([name, isTimeoutName(name)]).toEqual([name, true]);
  });

  it("takes a wait to validate, verify or exchange a token for a timeout name, not a token's lifetime", () => {
    for (const name of ["validateTokenTimeoutMs", "verifyTokenTimeout", "exchange_token_timeout"])
      expect([name, isTimeoutName(name)]).toEqual([name, true]);
    for (const name of ["tokenTimeout", "refreshTokenTimeout"])
      expect([name, isTimeoutName(name)]).toEqual([name, false]);
  });

  it("does not take a cookie's lifetime for a timeout name (snowplow's configSessionCookieTimeout)", () => {
    for (const name of ["cookieTimeout", "configSessionCookieTimeout", "configVisitorCookieTimeout", "COOKIE_TIMEOUT"])
      expect([name, isTimeoutName(name)]).toEqual([name, false]);
    expect(isTimeoutName("cookieFetchTimeout")).toBe(true);
  });

  it("does not take a delay for an animation for a timeout name (@awsui's TIMEOUT_FOR_ENTERING_ANIMATION)", () => {
    for (const name of ["TIMEOUT_FOR_ENTERING_ANIMATION", "timeoutForFadeTransition"])
      expect([name, isTimeoutName(name, new Set(), { spelledApart: true })]).toEqual([name, false]);
    expect(isTimeoutName("RequestTimeoutForReadsInMs", new Set(), { spelledApart: true })).toBe(true);
  });

  it("does not take time already spent for a timeout name (@web5/agent's elapsedTimeout)", () => {
    expect(isTimeoutName("elapsedTimeout")).toBe(false);
    expect(isTimeoutName("remainingTimeout")).toBe(true);
  });

  it("does not take a visitor id's lifetime for a timeout name (gb-tracker-client's VISITOR_TIMEOUT_SEC)", () => {
    for (const name of ["VISITOR_TIMEOUT_SEC", "visitorTimeout", "visitor_timeout"])
      expect([name, isTimeoutName(name)]).toEqual([name, false]);
    expect(isTimeoutName("visitorFetchTimeout")).toBe(true);
  });

  it("does not take a nanosecond unit for a timeout name", () => {
    expect(isTimeoutName("timeout_ns")).toBe(false);
    expect(isTimeoutName("timeoutNs")).toBe(false);
  });
});

describe("timeout names with a fused unit", () => {
  it("takes a unit written onto the timeout word in one word (mininet's timeoutms) for a timeout name", () => {
    expect(isTimeoutName("timeoutms")).toBe(true);
    expect(isTimeoutName("TIMEOUTSECS")).toBe(true);
    expect(isTimeoutName("read_timeoutmsec")).toBe(true);
  });

  it("does not take a plural, a minimum or a flag's fused unit for a timeout name", () => {
    expect(isTimeoutName("timeouts")).toBe(false);
    expect(isTimeoutName("timeoutmin")).toBe(false);
    expect(isTimeoutName("session_timeoutms")).toBe(false);
    expect(isTimeoutName("no_timeoutms")).toBe(false);
  });

  it("does not take a setter's, getter's, handler's or backoff bound's fused unit for a timeout name", () => {
    expect(isTimeoutName("settimeoutms")).toBe(false);
    expect(isTimeoutName("gettimeoutsec")).toBe(false);
    expect(isTimeoutName("ontimeoutms")).toBe(false);
    expect(isTimeoutName("mintimeoutms")).toBe(false);
    expect(isTimeoutName("maxtimeoutms")).toBe(false);
    expect(isTimeoutName("notimeoutms")).toBe(false);
  });

  // Session 51 (issue 9), from blind set fresh206: npm's `fetch-retry-maxtimeout`, @vltpkg/registry-client's default.
  it("does not take a retry's fused bound (npm's fetch-retry-maxtimeout) for a timeout name; a bare one stays", () => {
    expect(isTimeoutName("fetch-retry-maxtimeout")).toBe(false);
    expect(isTimeoutName("fetch-retry-mintimeout")).toBe(false);
    expect(isTimeoutName("reconnect_maxtimeout")).toBe(false);
    expect(isTimeoutName("keepalive-maxtimeout")).toBe(true);
  });
});

describe("the unit a timeout's name counts in", () => {
  it("reads milliseconds, microseconds and minutes from the name, fused or not, and seconds without a unit", () => {
    expect(unitSeconds("timeout_ms")).toBe(1e-3);
    expect(unitSeconds("timeoutMillis")).toBe(1e-3);
    expect(unitSeconds("timeoutms")).toBe(1e-3);
    expect(unitSeconds("timeout_us")).toBe(1e-6);
    expect(unitSeconds("timeout_minutes")).toBe(60);
    expect(unitSeconds("timeout_secs")).toBe(1);
    expect(unitSeconds("timeout")).toBe(1);
  });
});

// The release note of guard-ui-delays-listener-scope says the UI-delay words change JavaScript only; these pin it.
describe("UI-delay names", () => {
  it("keeps a show, hover, gesture or trailing timeout a timeout name (Python reads them as before)", () => {
    for (const name of ["showTimeout", "hoverTimeout", "TOUCH_TIMEOUT", "GH_TAP_TIMEOUT", "trailingTimeout"]) {
      expect(isTimeoutName(name)).toBe(true);
      expect(isUiDelayName(name)).toBe(true);
    }
  });

  it("reads a pacing handle's name, and not a request's", () => {
    expect(isPacingName("hideTimeout")).toBe(true);
    expect(isPacingName("showTimeout")).toBe(true);
    expect(isPacingName("requestTimeout")).toBe(false);
    expect(isUiDelayName("hideTimeout")).toBe(false);
  });
});
