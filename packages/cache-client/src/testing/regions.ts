import { config, type Region, type Topology } from "@org/config";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@org/test-kit/ports";
import { RedisProcess, requireRedisServer } from "./redis-process.ts";

function selfSignedCertificate(): { cert: string; certFile: string; keyFile: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "org-redis-tls-"));
  const certFile = join(dir, "cert.pem");
  const keyFile = join(dir, "key.pem");
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        keyFile,
        "-out",
        certFile,
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
      ],
      { stdio: "pipe" },
    );
  } catch (error) {
    throw new Error(
      `startLocalRegions({ tls: true }) needs openssl to make a certificate: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return { cert: readFileSync(certFile, "utf8"), certFile, keyFile, dir };
}

export interface LocalRegionsOptions {
  /**
   * The regions to start, each with its clusters.
   * @default the regions of `config.topology` from @org/config (us-east-1, eu-west-1, ap-southeast-1 in dev), with as many clusters each
   */
  regions?: { id: string; geo: string; clusters?: number }[];
  /** Require this password (AUTH) on every server. */
  password?: string;
  /** With `password`: an ACL user to authenticate as (the default user is turned off). */
  username?: string;
  /** Serve TLS only (`rediss://`), with a fresh self-signed certificate for 127.0.0.1 (needs `openssl`). */
  tls?: boolean;
  /** Path of redis-server. @default $REDIS_SERVER or the PATH */
  redisServer?: string;
  /**
   * `"appendonly"`: every server keeps an append-only file, so a `kill` then `restart` keeps the
   * data (a restart with persistence) unless `restart(id, { empty: true })`. `"none"`: a restart is
   * always empty.
   * @default "none"
   */
  persistence?: "none" | "appendonly";
}

/** Six (by default) real `redis-server` processes on loopback, and controls to break them. */
export interface LocalRegions {
  readonly topology: Topology;
  /** With `tls`: the PEM certificate to trust (pass it as `createRegionalCache({ tls: { ca } })`). */
  readonly ca?: string;
  /** Cluster ids, in topology order. */
  readonly clusterIds: string[];
  /** Port of a cluster's server. */
  port(clusterId: string): number;
  /** The cluster stops answering (SIGSTOP): commands hang until `heal`. */
  partition(clusterId: string): void;
  heal(clusterId: string): void;
  /** The server dies: connections are refused until `restart`. Its data is gone. */
  kill(clusterId: string): Promise<void>;
  /**
   * Starts the server again on the same port (killing it first if it still runs). With
   * `persistence: "appendonly"` it comes back with its data unless `empty` is set.
   */
  restart(clusterId: string, options?: { empty?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

// The regions come from @org/config (the one list of regions); only the addresses are local.
const defaultRegions = () =>
  config.topology.regions.map((region) => ({ id: region.id, geo: region.geo, clusters: region.clusters.length }));

/**
 * Starts a local copy of the production topology on free loopback ports.
 * @example
 * const local = await startLocalRegions();
 * const cache = createRegionalCache({ topology: local.topology, localRegion: "us-east-1" });
 */
export async function startLocalRegions(options: LocalRegionsOptions = {}): Promise<LocalRegions> {
  const binary = options.redisServer ?? requireRedisServer();
  const servers = new Map<string, RedisProcess>();
  const regions: Region[] = [];
  const auth = !options.password
    ? []
    : options.username
      ? ["--user", "default", "off", "--user", options.username, "on", `>${options.password}`, "~*", "&*", "+@all"]
      : ["--requirepass", options.password];
  const tls = options.tls ? selfSignedCertificate() : undefined;
  try {
    for (const region of options.regions ?? defaultRegions()) {
      const clusters = [];
      for (let i = 0; i < (region.clusters ?? 2); i++) {
        const id = `${region.id}-${String.fromCharCode(97 + i)}`;
        const port = await freePort();
        const listen = tls
          ? [
              "--port",
              "0",
              "--tls-port",
              String(port),
              "--tls-cert-file",
              tls.certFile,
              "--tls-key-file",
              tls.keyFile,
              "--tls-auth-clients",
              "no",
            ]
          : [];
        // appendfsync no: the OS writes the file; a killed process loses nothing it acknowledged.
        const persist = options.persistence === "appendonly" ? ["--appendonly", "yes", "--appendfsync", "no"] : [];
        const server = new RedisProcess(binary, { port, args: [...auth, ...listen, ...persist] });
        servers.set(id, server);
        const user = options.username ? encodeURIComponent(options.username) : "";
        const credentials = options.password ? `${user}:${encodeURIComponent(options.password)}@` : "";
        clusters.push({
          id,
          url: `${tls ? "rediss" : "redis"}://${credentials}127.0.0.1:${port}`,
          mode: "standalone" as const,
        });
      }
      regions.push({ id: region.id, geo: region.geo, clusters });
    }
    await Promise.all([...servers.values()].map((s) => s.start()));
  } catch (error) {
    // One server failed: stop every one already started (each start also cleans up after itself).
    await Promise.all([...servers.values()].map((s) => s.stop()));
    if (tls) rmSync(tls.dir, { recursive: true, force: true });
    throw error;
  }
  const server = (id: string) => {
    const found = servers.get(id);
    if (!found) throw new Error(`no local cluster "${id}" (have: ${[...servers.keys()].join(", ")})`);
    return found;
  };
  return {
    topology: { regions },
    ...(tls ? { ca: tls.cert } : {}),
    clusterIds: [...servers.keys()],
    port: (id) => server(id).options.port,
    partition: (id) => server(id).pause(),
    heal: (id) => server(id).resume(),
    kill: (id) => server(id).kill(),
    restart: async (id, restartOptions = {}) => {
      const found = server(id);
      if (restartOptions.empty) {
        await found.kill();
        found.wipe();
      }
      await found.start();
    },
    stop: async () => {
      await Promise.all([...servers.values()].map((s) => s.stop()));
      if (tls) rmSync(tls.dir, { recursive: true, force: true });
    },
  };
}
