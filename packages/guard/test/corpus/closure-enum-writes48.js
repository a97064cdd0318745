// JS `no-hardcoded-timeout`, session 48 (issue 9): Closure Compiler keeps an exported enum's names by writing the
// renamed entries back (Firebase's webchannel, bundled by @neurosity/sdk): `var Ab={NO_ERROR:0,gb:1,...,TIMEOUT:8}`
// then `Ab.TIMEOUT=8`. The write is the same error code. A settings object's entry written again stays a duration.
var Ab = { NO_ERROR: 0, gb: 1, tb: 2, sb: 3, nb: 4, rb: 5, ub: 6, Ia: 7, TIMEOUT: 8, xb: 9 };
Ab.NO_ERROR = 0;
Ab.TIMEOUT = 8;
Ab.HTTP_ERROR = 6;

var settings = { retries: 3, requestTimeout: 5000 }; // expect: no-hardcoded-timeout
settings.requestTimeout = 8000; // expect: no-hardcoded-timeout

export const ErrorCode = Ab;
export function request(send) {
  return send({ timeout: settings.requestTimeout, retries: settings.retries });
}
