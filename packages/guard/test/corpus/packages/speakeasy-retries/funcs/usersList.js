// An operation's default retry policy: its total budget is the bound retries.js holds the time spent against; its
// intervals pace the tries.
import { retryBackoff } from "../lib/retries.js";

export function usersList(client, request) {
  const retryConfig = {
    strategy: "backoff",
    backoff: {
      initialInterval: 200,
      maxInterval: 200,
      exponent: 1,
      maxElapsedTime: 1000, // expect: no-hardcoded-timeout
    },
  };
  return retryBackoff(() => client.request("GET", "/users", request), retryConfig.backoff);
}
