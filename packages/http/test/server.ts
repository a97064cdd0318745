import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

/** A real HTTP server on loopback whose routes fail on purpose; it records every request it sees. */
export async function startMisbehavingServer(routes: Record<string, Handler>) {
  const hits: { path: string; method: string; at: number }[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const hit = hits.filter((h) => h.path === path).length + 1;
    hits.push({ path, method: req.method ?? "", at: performance.now() });
    const handler = routes[path];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    handler(req, res, hit);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: (path: string) => hits.filter((h) => h.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
