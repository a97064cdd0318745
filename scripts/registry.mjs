#!/usr/bin/env node
// A real local npm registry (Verdaccio 6.8) on a free loopback port, with this workspace's
// packages published to it by `changeset publish`. @org/* packages live only here; every other
// package is proxied from the npm registry npm is configured with, so installs resolve whole trees.
//
//   import { startRegistry } from "./scripts/registry.mjs";
//   const registry = await startRegistry();       // publishes every built @org package
//   execFileSync("npm", ["install", "@org/guard"], { cwd, env: { ...process.env, ...registry.env } });
//   await registry.stop();
//
//   node scripts/registry.mjs [--no-publish | --only <name>]  # prints one JSON line {url, npmrc, env, published}, serves until SIGINT/SIGTERM
import { execFile, fork } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadConfig } from "@org/config";
import { workspaceManifests } from "./release-policy.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const here = fileURLToPath(import.meta.url);
const run = promisify(execFile);

/** Thrown when the registry cannot start or the workspace cannot be published to it. */
export class RegistryError extends Error {
  name = "RegistryError";
  code = "ORG_REGISTRY";
}

/**
 * Starts Verdaccio on 127.0.0.1 (a port the OS picks), storage in a fresh temp dir.
 * @param {object} [options]
 * @param {boolean} [options.publish] publish every non-private workspace package with `changeset publish` (default true; they must be built)
 * @param {string[]} [options.only] publish only these packages and the @org packages they depend on (`pnpm publish` each; a
 *   test that installs one package need not wait for all of them)
 * @param {string} [options.upstream] registry proxied for non-@org packages (default: npm's configured registry)
 * @param {(line: string) => void} [options.log] progress lines (default: none)
 * @returns {Promise<{ url: string, npmrc: string, env: Record<string, string>, published: string[], stop: () => Promise<void> }>}
 *   `env` (`npm_config_registry`, `npm_config_userconfig`) points npm, pnpm and pre-commit's npm at it;
 *   `npmrc` is a userconfig file with the registry and a publish token; `published` lists `name@version`.
 */
export async function startRegistry({ publish = true, only, upstream = defaultUpstream(), log = () => {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "org-registry-"));
  const { TIMEOUT } = loadConfig({ env: process.env });
  const config = {
    storage: join(dir, "storage"),
    auth: { htpasswd: { file: join(dir, "htpasswd"), max_users: 10 } },
    uplinks: { npmjs: { url: upstream, timeout: `${TIMEOUT}ms`, cache: false } },
    packages: {
      "@org/*": { access: "$all", publish: "$authenticated", unpublish: "$authenticated" },
      "**": { access: "$all", publish: "$authenticated", proxy: "npmjs" },
    },
    web: { enable: false },
    log: { type: "stdout", format: "pretty", level: "warn" },
    max_body_size: "50mb",
  };
  const configFile = join(dir, "config.json");
  writeFileSync(configFile, JSON.stringify(config));

  const server = fork(here, ["--serve", configFile], { stdio: ["ignore", "pipe", "pipe", "ipc"] });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await new Promise((resolve, reject) => {
      server.once("message", (message) => resolve(message.port));
      server.once("exit", (code) =>
        reject(new RegistryError(`Verdaccio exited (${code}) before listening:\n${output}`)),
      );
    });
    const url = `http://127.0.0.1:${port}/`;
    log(`registry: Verdaccio on ${url} (storage ${config.storage}), proxying ${upstream} for non-@org packages`);
    const token = await createUser(url);
    const npmrc = join(dir, "npmrc");
    writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    const env = { npm_config_registry: url, npm_config_userconfig: npmrc };
    const published = publish ? await publishWorkspace(env, dir, log, only) : [];
    return { url, npmrc, env, published, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function defaultUpstream() {
  const configured = process.env.npm_config_registry;
  // Inside a `startRegistry` child the variable may already point at a local registry.
  return configured && !/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(configured)
    ? configured
    : "https://registry.npmjs.org/";
}

async function createUser(url) {
  const name = "org-release-check";
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: `pw-${process.pid}-${Date.now()}`, type: "user", roles: [] }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.token !== "string") {
    throw new RegistryError(`could not create a publish user on ${url}: HTTP ${response.status}`);
  }
  return body.token;
}

/** The workspace's publishable packages: `{ name, version, dir, manifest }`, by name. */
export function publishablePackages() {
  return workspaceManifests(root)
    .map((dir) => ({
      dir: join(root, dir),
      manifest: JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")),
    }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, version: manifest.version, dir, manifest }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `names` and, transitively, the workspace packages they depend on. */
function dependencyClosure(all, names) {
  const byName = new Map(all.map((pkg) => [pkg.name, pkg]));
  const wanted = new Set();
  const visit = (name) => {
    const pkg = byName.get(name);
    if (!pkg) throw new RegistryError(`${name} is not a publishable package of this workspace`);
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const dep of Object.keys({ ...pkg.manifest.dependencies, ...pkg.manifest.peerDependencies }))
      if (byName.has(dep)) visit(dep);
  };
  names.forEach(visit);
  return all.filter((pkg) => wanted.has(pkg.name));
}

async function publishWorkspace(env, dir, log, only) {
  const packages = only ? dependencyClosure(publishablePackages(), only) : publishablePackages();
  for (const pkg of packages) {
    for (const target of exportTargets(pkg.manifest)) {
      if (!existsSync(join(pkg.dir, target))) {
        throw new RegistryError(
          `${pkg.name} is not built (${target} is missing): run \`npx -y pnpm@10.34.9 build\` first`,
        );
      }
    }
  }
  log(`registry: ${only ? "pnpm publish" : "changeset publish"} (${packages.length} packages)`);
  try {
    const options = { env: { ...process.env, ...env, PATH: withPnpm(dir) }, maxBuffer: 1 << 26 };
    if (!only)
      await run(join(root, "node_modules/.bin/changeset"), ["publish", "--no-git-tag"], { cwd: root, ...options });
    for (const pkg of only ? packages : []) {
      // What changeset publish runs per package: pnpm rewrites workspace: ranges to versions.
      await run("pnpm", ["publish", "--no-git-checks", "--access", "restricted"], { cwd: pkg.dir, ...options });
    }
  } catch (error) {
    throw new RegistryError(`changeset publish failed:\n${error.stdout ?? ""}${error.stderr ?? error.message}`, {
      cause: error,
    });
  }
  const published = [];
  for (const pkg of packages) {
    const response = await fetch(new URL(encodeURIComponent(pkg.name).replace("%40", "@"), env.npm_config_registry));
    const body = response.ok ? await response.json() : {};
    if (!body.versions?.[pkg.version])
      throw new RegistryError(`${pkg.name}@${pkg.version} is not on the registry after publishing`);
    published.push(`${pkg.name}@${pkg.version}`);
  }
  log(`registry: published ${published.join(", ")}`);
  return published;
}

/** PATH with a `pnpm` on it (changeset publish runs `pnpm publish`): the one running us, else the pinned one via npx. */
function withPnpm(dir) {
  const path = process.env.PATH ?? "";
  if (path.split(delimiter).some((d) => d && existsSync(join(d, "pnpm")))) return path;
  const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager;
  const bin = join(dir, "bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, "pnpm"), `#!/bin/sh\nexec npx -y ${pinned} "$@"\n`, { mode: 0o755 });
  return `${bin}${delimiter}${path}`;
}

/** Every file an `exports` map, `main` or `bin` points at (wildcards skipped). */
export function exportTargets(manifest) {
  const targets = new Set();
  const walk = (value) => {
    if (typeof value === "string") {
      if (!value.includes("*") && !value.endsWith("package.json")) targets.add(value);
    } else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  walk(manifest.bin);
  if (manifest.main) targets.add(manifest.main);
  return [...targets];
}

async function serve(configFile) {
  const { runServer } = await import("verdaccio");
  const app = await runServer({
    ...JSON.parse(readFileSync(configFile, "utf8")),
    configPath: configFile,
    self_path: configFile,
  });
  app.listen(0, "127.0.0.1", () => process.send({ port: app.address().port }));
  process.on("SIGTERM", () => process.exit(0));
  // The parent died without stopping us: do not outlive it.
  process.on("disconnect", () => process.exit(0));
}

async function main(argv) {
  if (argv[0] === "--serve") return serve(argv[1]);
  const only = argv[0] === "--only" && argv.length > 1 ? argv.slice(1) : undefined;
  if (!only && argv.some((a) => a !== "--no-publish")) {
    console.error("Usage: node scripts/registry.mjs [--no-publish | --only <package>...]");
    process.exitCode = 2;
    return;
  }
  const registry = await startRegistry({
    publish: !argv.includes("--no-publish"),
    only,
    log: (line) => console.error(line),
  });
  const { stop, ...info } = registry;
  console.log(JSON.stringify(info));
  const shutdown = () => void stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

if (process.argv[1] === here) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`registry: ${error.message}`);
    process.exitCode = 2;
  });
}
