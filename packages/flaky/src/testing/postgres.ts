import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { freePort } from "@org/test-kit/ports";

export interface TestPostgres {
  /** Admin URL of the server (the `postgres` database). */
  url: string;
  stop(): void;
}

/** Debian's server binaries: PG_BIN, else the newest /usr/lib/postgresql/<v>/bin. */
export function postgresBin(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], "bin") : undefined;
}

/**
 * A throwaway PostgreSQL cluster: initdb into a temp dir, pg_ctl on a free loopback port (`freePort` of
 * `@org/test-kit/ports`). PostgreSQL refuses to run as root, so as root it runs as the `postgres` user (Debian's
 * package creates it).
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL server binaries not found (apt-get install postgresql, or set PG_BIN)");
  const dir = mkdtempSync(join(tmpdir(), "org-flaky-pg-"));
  const root = userInfo().uid === 0;
  const as = (cmd: string, args: string[]) =>
    root
      ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "pipe" })
      : execFileSync(cmd, args, { stdio: "pipe" });
  if (root)
    chownSync(
      dir,
      Number(execFileSync("id", ["-u", "postgres"]).toString()),
      Number(execFileSync("id", ["-g", "postgres"]).toString()),
    );
  const data = join(dir, "data");
  as(join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"]);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      as(join(bin, "pg_ctl"), [
        "-D",
        data,
        "-l",
        join(dir, "server.log"),
        "-w",
        "-o",
        `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
        "start",
      ]);
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        stop() {
          try {
            as(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      };
    } catch (error) {
      // Another process took the port between our probe and the server's bind: try another.
      if (attempt >= 3) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
}
