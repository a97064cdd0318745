/**
 * @flow
 */
// A Flow file (React Native's packager style): checked with its types blanked out, its findings where they stand.
import type { Server } from "http";

const http = require("http");
const https = require("https");

type Args = { https: boolean, key: string, cert: string, port: number };

function runServer(args: Args, app: Object, ready: (server: Server) => void): void {
  // Either branch builds a server: its 0 socket timeout is no limit.
  const serverInstance: Server = args.https
    ? https.createServer({ key: args.key, cert: args.cert }, app)
    : http.createServer(app);
  serverInstance.listen(args.port, () => ready(serverInstance));
  serverInstance.timeout = 0; // expect: no-unbounded-timeout
}

function retryLater<T>(work: () => Promise<T>, delay: number = 1000): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(work()), delay));
}

module.exports = { runServer, retryLater };
