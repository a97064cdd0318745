import { createServer, Socket } from "node:net";
import { freePort } from "./redis-process.ts";

/** A loopback TCP proxy that delays every chunk in both directions, and can cut the link. */
export interface LatencyProxy {
  readonly port: number;
  setLatency(ms: number): void;
  /** A network partition: nothing passes either way and what was in transit is lost. */
  cut(): void;
  /** Ends the partition: the connections that lived through it are reset (as a real network's would be), new ones pass. */
  restore(): void;
  close(): Promise<void>;
}

export async function startLatencyProxy(targetPort: number, latencyMs = 0): Promise<LatencyProxy> {
  let latency = latencyMs;
  let cut = false;
  const sockets = new Set<Socket>();
  const delayed = (to: Socket) => (chunk: Buffer) => {
    if (cut) return;
    if (latency === 0) {
      if (to.writable) to.write(chunk);
      return;
    }
    const timer = setTimeout(() => !cut && to.writable && to.write(chunk), latency);
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
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port,
    setLatency: (ms) => void (latency = ms),
    cut: () => void (cut = true),
    restore: () => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      cut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
