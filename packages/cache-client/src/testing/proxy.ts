import { createServer, Socket } from "node:net";
import { freePort } from "./redis-process.ts";

/** A loopback TCP proxy that delays every chunk in both directions by `latencyMs`. */
export interface LatencyProxy {
  readonly port: number;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

export async function startLatencyProxy(targetPort: number, latencyMs: number): Promise<LatencyProxy> {
  let latency = latencyMs;
  const sockets = new Set<Socket>();
  const delayed = (to: Socket) => (chunk: Buffer) => {
    const timer = setTimeout(() => to.writable && to.write(chunk), latency);
    timer.unref();
  };
  const server = createServer((client) => {
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    upstream.connect(targetPort, "127.0.0.1");
    client.on("data", delayed(upstream));
    upstream.on("data", delayed(client));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port,
    setLatency: (ms) => void (latency = ms),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
