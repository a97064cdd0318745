import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

export interface Hit {
  path: string;
  method: string;
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP server on loopback (127.0.0.1 unless told another loopback address) whose routes
 * fail on purpose; it records every request it sees, with its headers and body.
 */
export async function startMisbehavingServer(routes: Record<string, Handler>, host = "127.0.0.1") {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const hit = hits.filter((h) => h.path === path).length + 1;
    const record: Hit = { path, method: req.method ?? "", at: performance.now(), headers: req.headers, body: "" };
    hits.push(record);
    req.on("data", (chunk: Buffer) => (record.body += chunk.toString()));
    const handler = routes[path];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    handler(req, res, hit);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    hits: (path: string) => hits.filter((h) => h.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
