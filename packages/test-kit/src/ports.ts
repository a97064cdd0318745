import { readFileSync } from "node:fs";
import { createServer } from "node:net";

// The ports a test server may take lie below the kernel's ephemeral range. A port from that range
// (what listen(0) hands out) can be given to any outgoing connection as its local port between the
// check and the server's own bind: redis-server then failed with "Address already in use" in CI.
const LOWEST = 10_000;
const handedOut = new Set<number>();
let low: number | undefined;

/** First port of the kernel's ephemeral range (Linux; 32768 where it cannot be read), read once per process. */
export function ephemeralLow(): number {
  low ??= readEphemeralLow();
  return low;
}

function readEphemeralLow(): number {
  try {
    const first = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);
    return Number.isInteger(first) && first > LOWEST + 1_000 ? first : 32_768;
  } catch {
    return 32_768;
  }
}

/** Whether a server could listen on `port` on loopback right now. */
export function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * A free TCP port on loopback for a server about to start: drawn at random below the ephemeral range
 * (so no outgoing connection takes it first), checked free, and never handed out twice by this process.
 */
export async function freePort(): Promise<number> {
  const high = ephemeralLow();
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (high - LOWEST));
    if (handedOut.has(port) || !(await canListen(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(
    `no free loopback port between ${LOWEST} and ${high} after 1,000 tries: free some, or stop other servers`,
  );
}
