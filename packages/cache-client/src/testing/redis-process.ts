import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { config } from "@org/config";

/** Path of `redis-server` ($REDIS_SERVER, else the PATH), or undefined when it is not installed. */
export function findRedisServer(): string | undefined {
  const explicit = process.env.REDIS_SERVER;
  const candidates = explicit
    ? [explicit]
    : (process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, "redis-server"));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export function requireRedisServer(): string {
  const path = findRedisServer();
  if (!path) {
    throw new Error(
      "redis-server is not installed: install the Debian package (apt-get install redis-server) or set REDIS_SERVER",
    );
  }
  return path;
}

export interface RedisProcessOptions {
  port: number;
  /** Extra `redis-server` arguments. */
  args?: string[];
  /** Working directory (cluster mode writes nodes.conf there). */
  dir?: string;
}

/** One `redis-server` on 127.0.0.1, started and waited for until it accepts connections. */
export class RedisProcess {
  private child: ChildProcess | undefined;
  readonly dir: string;
  private readonly ownsDir: boolean;

  constructor(
    private readonly binary: string,
    readonly options: RedisProcessOptions,
  ) {
    this.ownsDir = options.dir === undefined;
    this.dir = options.dir ?? mkdtempSync(join(tmpdir(), "org-redis-"));
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Starts the server (a server of this object still running is killed first: a restart) and
   * waits until it accepts connections. If it does not get there (it exits, cannot be spawned, or
   * is not ready within the bound), its process is killed before the promise rejects: a failed
   * start leaves nothing running.
   */
  async start(): Promise<void> {
    await this.kill();
    const child = spawn(
      this.binary,
      [
        "--port",
        String(this.options.port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        this.dir,
        ...(this.options.args ?? []),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.child = child;
    // A server's start is a connect: bounded by the environment's connect timeout, like any other.
    const limit = config.timeouts.connect * 5;
    let output = "";
    let onExit: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
    let onError: ((error: Error) => void) | undefined;
    let onData: ((chunk: Buffer) => void) | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`redis-server on port ${this.options.port} not ready after ${limit} ms:\n${output}`)),
          limit,
        );
        onData = (chunk) => {
          output += chunk.toString();
          if (!output.includes("Ready to accept connections")) return;
          clearTimeout(timer);
          resolve();
        };
        onError = (error) => {
          clearTimeout(timer);
          reject(
            new Error(`redis-server on port ${this.options.port} could not be started: ${error.message}`, {
              cause: error,
            }),
          );
        };
        onExit = (code, signal) => {
          clearTimeout(timer);
          const how = code === null ? `signal ${signal}` : `code ${code}`;
          reject(new Error(`redis-server on port ${this.options.port} exited with ${how}:\n${output}`));
        };
        child.stdout!.on("data", onData);
        child.stderr!.on("data", onData);
        child.once("error", onError);
        // "close", not "exit": by then the server's last words (why it stopped) have been read.
        child.once("close", onExit);
      });
    } catch (error) {
      await this.kill();
      throw error;
    } finally {
      // Only our own listeners: a kill() waiting for this child's exit keeps its own.
      child.off("close", onExit!);
      child.off("error", onError!);
      child.stdout!.off("data", onData!);
      child.stderr!.off("data", onData!);
      // Keep draining: a full pipe would block the server's logging.
      child.stdout!.resume();
      child.stderr!.resume();
    }
  }

  /** SIGSTOP: the process keeps its sockets but answers nothing (a hang, not a refusal). */
  pause(): void {
    this.child?.kill("SIGSTOP");
  }

  resume(): void {
    this.child?.kill("SIGCONT");
  }

  /** SIGKILL and wait for the exit: connections are refused until `start()` again. */
  async kill(): Promise<void> {
    const child = this.child;
    // Never spawned (no pid: spawn failed) or already gone: nothing to wait for.
    if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGCONT");
      child.kill("SIGKILL");
    });
  }

  /** Deletes what the server persisted (its AOF and RDB files): the next start is empty. Only while stopped. */
  wipe(): void {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      throw new Error(`redis-server on port ${this.options.port} is running: kill() it before wipe()`);
    }
    for (const name of readdirSync(this.dir)) {
      if (/^(appendonlydir|.*\.aof|.*\.rdb)$/.test(name))
        rmSync(join(this.dir, name), { recursive: true, force: true });
    }
  }

  async stop(): Promise<void> {
    await this.kill();
    if (this.ownsDir) rmSync(this.dir, { recursive: true, force: true });
  }
}
