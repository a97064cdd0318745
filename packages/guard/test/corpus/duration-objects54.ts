// JS `no-hardcoded-timeout`, session 54 (issue 9): Luxon's `Duration.fromObject({ seconds: 10 })` and
// `Duration.fromMillis(5000)` are literal durations in their units, as `Duration.ofSeconds(10)` is
// (@glow-xyz/solana-client's per-method request timeouts, each read back with `.as("millisecond")` for axios,
// fresh259). A duration object built from a variable stays unjudged.
import axios from "axios";
import { Duration } from "luxon";

export const getBalance = async ({
  address,
  timeout = Duration.fromObject({ seconds: 10 }), // expect: no-hardcoded-timeout
}: {
  address: string;
  timeout?: Duration;
}) => axios.post("/rpc", { address }, { timeout: timeout.as("millisecond") });

export async function makeRpcRequest(method: string, timeout?: Duration) {
  timeout ||= Duration.fromObject({ minutes: 10 }); // expect: no-hardcoded-timeout
  return axios.post("/rpc", { method }, { timeout: timeout.as("millisecond") });
}

export function poll(url: string, seconds: number, timeout = Duration.fromMillis(5000)) { // expect: no-hardcoded-timeout
  return axios.get(url, { timeout: Math.max(timeout.toMillis(), Duration.fromObject({ seconds }).toMillis()) });
}
