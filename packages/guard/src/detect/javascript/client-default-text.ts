// What a JavaScript text shows of an HTTP client's default timeout, read from the text alone (no parse): the detector
// (`client-defaults.ts`) and the package pass that tells every file of a package (`package-candidates.ts`) share it,
// and a run that needs only the text test does not load the detector.

/** Text that sets a client's default timeout, or hooks every request (an interceptor may set one). */
export const SETS_CLIENT_TIMEOUT =
  /\.defaults\.timeout\b|\.defaults\s*=|\binterceptors\.request\b|\bsetTimeout\s*\(\s*\(\)\s*=>\s*\w*\.abort\(/;

/** An import of Node's own HTTP client (`require("https")`, `from "node:http"`), whose requests have no timeout. */
export const IMPORTS_NODE_HTTP = String.raw`\brequire\s*\(\s*["'](?:node:)?https?["']\s*\)|\bfrom\s+["'](?:node:)?https?["']`;

/** An import of got or request (and request-promise), whose requests have no timeout unless given one. */
export const IMPORTS_GOT_OR_REQUEST = String.raw`(?:\brequire\s*\(\s*|\bfrom\s+)["'](?:got|request|request-promise(?:-native)?)["']`;

/** Text that may request on a client whose default is no timeout (axios, node-fetch, got, request). */
export const MAY_REQUEST_WITHOUT_DEFAULT = new RegExp(`axios|node-fetch|${IMPORTS_GOT_OR_REQUEST}`);
