// Issue 9, session 37: two more spellings of a bound on what a caller may configure. diffusion's `limitTimeout`
// hands the maximum back in place of a larger value (the clamp written with a return, named in the warning); zowe's
// compiled static field (the least response timeout, 5) is only compared with the caller's response timeout (a header
// below it is not sent). Neither is a duration anything waits for. `expect:` marks findings.
var log = require("./logger").create("Internal Session");
var MAXIMUM_TIMEOUT = 60 * 60 * 1000;

function limitTimeout(description, supplied) {
  if (supplied > MAXIMUM_TIMEOUT) {
    log.warn("CONFIG_EXCESSIVE_TIMEOUT", supplied, description, MAXIMUM_TIMEOUT);
    return MAXIMUM_TIMEOUT;
  }
  return supplied;
}
exports.limitTimeout = limitTimeout;

class Utilities {
  static putPayload(session, payload, responseTimeout) {
    const headers = [];
    if (responseTimeout != null && responseTimeout >= Utilities.minimumTimeout) {
      headers.push({ "X-IBM-Response-Timeout": responseTimeout.toString() });
    }
    return session.put(payload, headers);
  }
}
exports.Utilities = Utilities;
Utilities.minimumTimeout = 5;

// Returned as the bound and also armed as a timer's delay: a duration after all.
var LONGEST_TIMEOUT = 30000; // expect: no-hardcoded-timeout

function capped(supplied, abort) {
  setTimeout(abort, LONGEST_TIMEOUT);
  if (supplied > LONGEST_TIMEOUT) return LONGEST_TIMEOUT;
  return supplied;
}
exports.capped = capped;

// A static field compared with the configured timeout and also waited on.
class Client {
  static request(options, abort) {
    if (options.timeout < Client.shortestTimeout) options.timeout = Client.shortestTimeout;
    return setTimeout(abort, Client.shortestTimeout);
  }
}
Client.shortestTimeout = 250; // expect: no-hardcoded-timeout
exports.Client = Client;
