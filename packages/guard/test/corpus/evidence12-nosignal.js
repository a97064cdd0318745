// JS `no-unbounded-timeout`, session 12 (issue 9): without a per-request signal (`AbortSignal.timeout(0)` aborts at
// once and bounds nothing), undici's own meaning of 0 stands: its connect timer switched off.
import { buildConnector } from "undici";

export const connector = () => buildConnector({ timeout: 0 }); // expect: no-unbounded-timeout

export const abortedAtOnce = (url) => fetch(url, { signal: AbortSignal.timeout(0) }); // expect: no-hardcoded-timeout
