import { createServer, Socket } from "node:net";
import { freePort } from "@org/test-kit/ports";

/** Which way bytes flow through a proxy: client to server (`requests`), server to client (`replies`). */
export type LinkDirection = "requests" | "replies" | "both";

/** How a slow link behaves, per direction. */
export interface SlowLink {
  /** Added one-way delay of every chunk. @default 0 */
  latencyMs?: number;
  /** Throughput cap, bytes per second (chunks queue behind each other). @default unlimited */
  bytesPerSecond?: number;
}

/**
 * A loopback TCP proxy in front of one server: the network between a client and a cluster, with
 * its faults. Bytes can be delayed and throttled (a slow link), made to vanish in one direction or
 * both (a one-sided or total partition: connections stay open, as TCP's do until their own
 * timeouts), and connections can be reset.
 */
export interface FaultProxy {
  readonly port: number;
  /** Delays and/or throttles both directions from now on (`{}` makes the link fast again). */
  slow(link: SlowLink): void;
  /**
   * A partition: bytes in `direction` vanish, including those still in transit. `"replies"` is the
   * one-sided case where the server runs every command but the client never hears back;
   * `"requests"` the one where nothing reaches the server; `"both"` is total.
   */
  blackhole(direction: LinkDirection): void;
  /** A total partition: `blackhole("both")`. */
  cut(): void;
  /** Resets every open connection now (new ones pass), as a restarted middlebox or NAT would. */
  drop(): void;
  /**
   * Ends every fault: no black hole, no slowness. Connections that lost bytes are reset (a TCP
   * stream cannot skip bytes: a real one would have timed out); new ones pass.
   */
  restore(): void;
  /** Whether any fault is active. */
  readonly faulty: boolean;
  close(): Promise<void>;
}

/** Largest piece a throttled link sends at once, so a big chunk is paced rather than sent in one go. */
const THROTTLED_PIECE = 16 * 1024;

interface LinkState {
  latencyMs: number;
  bytesPerSecond: number | undefined;
  requests: boolean;
  replies: boolean;
}

/** One direction of one connection: chunks leave in order, at their due time, within the throughput cap. */
class Pipe {
  private readonly queue: { chunk: Buffer; due: number }[] = [];
  private nextFree = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Bytes vanished in this direction: the stream is broken and is reset on restore. */
  lost = false;

  constructor(
    private readonly to: Socket,
    private readonly state: LinkState,
    private readonly direction: "requests" | "replies",
  ) {}

  push(chunk: Buffer): void {
    if (this.state[this.direction]) {
      this.lost = true;
      return;
    }
    const { latencyMs, bytesPerSecond } = this.state;
    if (latencyMs === 0 && bytesPerSecond === undefined && this.queue.length === 0) {
      if (this.to.writable) this.to.write(chunk);
      return;
    }
    const due = performance.now() + latencyMs;
    const piece = bytesPerSecond === undefined ? chunk.length : THROTTLED_PIECE;
    for (let at = 0; at < chunk.length; at += piece) this.queue.push({ chunk: chunk.subarray(at, at + piece), due });
    this.pump();
  }

  private pump(): void {
    if (this.timer) return;
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      const now = performance.now();
      const at = Math.max(head.due, this.nextFree);
      if (at > now) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, at - now);
        return;
      }
      this.queue.shift();
      // A partition that began while the chunk was in transit loses it.
      if (this.state[this.direction]) {
        this.lost = true;
        continue;
      }
      if (this.to.writable) this.to.write(head.chunk);
      const { bytesPerSecond } = this.state;
      if (bytesPerSecond !== undefined)
        this.nextFree = Math.max(now, this.nextFree) + (head.chunk.length * 1000) / bytesPerSecond;
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.length = 0;
  }
}

interface Connection {
  client: Socket;
  upstream: Socket;
  pipes: Pipe[];
}

/**
 * Starts a fault proxy on a free loopback port in front of `127.0.0.1:<targetPort>`.
 * @example
 * const proxy = await startFaultProxy(local.port("ap-southeast-1-a"));
 * proxy.blackhole("replies"); // the cluster runs commands, the client never hears back
 */
export async function startFaultProxy(targetPort: number, link: SlowLink = {}): Promise<FaultProxy> {
  const state: LinkState = {
    latencyMs: link.latencyMs ?? 0,
    bytesPerSecond: link.bytesPerSecond,
    requests: false,
    replies: false,
  };
  const connections = new Set<Connection>();
  const end = (connection: Connection) => {
    connection.client.destroy();
    connection.upstream.destroy();
    for (const pipe of connection.pipes) pipe.stop();
    connections.delete(connection);
  };
  const server = createServer((client) => {
    const upstream = new Socket();
    const up = new Pipe(upstream, state, "requests");
    const down = new Pipe(client, state, "replies");
    const connection: Connection = { client, upstream, pipes: [up, down] };
    connections.add(connection);
    upstream.connect(targetPort, "127.0.0.1");
    client.on("data", (chunk: Buffer) => up.push(chunk));
    upstream.on("data", (chunk: Buffer) => down.push(chunk));
    const close = () => end(connection);
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port,
    get faulty() {
      return state.requests || state.replies || state.latencyMs > 0 || state.bytesPerSecond !== undefined;
    },
    slow: (next) => {
      state.latencyMs = next.latencyMs ?? 0;
      state.bytesPerSecond = next.bytesPerSecond;
    },
    blackhole: (direction) => {
      if (direction !== "replies") state.requests = true;
      if (direction !== "requests") state.replies = true;
    },
    cut: () => {
      state.requests = true;
      state.replies = true;
    },
    drop: () => {
      for (const connection of [...connections]) end(connection);
    },
    restore: () => {
      state.requests = false;
      state.replies = false;
      state.latencyMs = 0;
      state.bytesPerSecond = undefined;
      for (const connection of [...connections]) if (connection.pipes.some((p) => p.lost)) end(connection);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of [...connections]) end(connection);
        server.close(() => resolve());
      }),
  };
}
