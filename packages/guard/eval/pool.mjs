#!/usr/bin/env node
// Draws the pool a blind set's packages come from: packages nobody here has looked at, in an order fixed by a seed, so
// a labeller takes rows from the top and the next session's labeller goes on where the last stopped.
//
// Usage: node eval/pool.mjs --registry npm|debian|debian-code --seed text [--min-downloads n] [--names regex] > pool.tsv
//   npm:         /usr/share/package-lists/npm.tsv (name, version, monthly downloads), packages with at least
//                --min-downloads a month (default 1000).
//   debian:      trixie's python3-* packages (main, binary-all, from deb.debian.org) that bookworm does not have, with
//                their pool filename (the corpus entry's "filename").
//   debian-code: trixie's packages (main, binary-all and binary-amd64) that ship Python files under usr/ (Contents
//                index), applications as well as python3-* libraries, at most 30 MB installed, without -doc, -dbg,
//                -data, -tests, libpython* and pypy*; those that depend on a network library come first (each part in
//                the seed's order), so the first rows are the ones whose timeouts matter most.
// Either way a package whose name is in any set of eval/corpus.json (or, with --names, does not match the regex) is
// left out, and the rest are ordered by sha256(seed:name). Columns: row, registry, name, version[, filename]; the
// registry column is "debian" for both Debian modes (what corpus.json and fetched.mjs expect).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptArgs } from "../scripts/args.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const { values: args } = scriptArgs("eval/pool.mjs", {
  summary: "Writes the pool (TSV on stdout) a new blind set's packages are taken from, in the seed's hash order.",
  options: {
    registry: {
      type: "string",
      value: "npm|debian|debian-code",
      help: "npm packages of the local list, trixie's new python3-*, or trixie's packages that ship Python code",
    },
    seed: { type: "string", value: "text", help: "the order's seed (a new seed gives a new order)" },
    "min-downloads": { type: "string", default: "1000", value: "n", help: "npm: least monthly downloads" },
    names: {
      type: "string",
      value: "regex",
      help: "keep only names matching this regular expression (case-insensitive), e.g. network and test words",
    },
  },
  check: (values) =>
    !["npm", "debian", "debian-code"].includes(values.registry ?? "")
      ? "--registry npm, debian or debian-code is required"
      : values.names !== undefined && !isRegExp(values.names)
        ? `--names "${values.names}" is not a valid regular expression`
        : !values.seed
          ? "--seed is required"
          : undefined,
});
function isRegExp(text) {
  try {
    new RegExp(text, "i");
    return true;
  } catch {
    return false;
  }
}
const corpus = JSON.parse(readFileSync(join(here, "corpus.json"), "utf8"));
const seen = new Set();
for (const set of Object.values(corpus.sets))
  for (const pkg of Array.isArray(set) ? set : set.packages) seen.add(pkg.name);

const MIRROR = "https://deb.debian.org/debian/dists";
/** A file of Debian's mirror, decompressed (`.xz` or `.gz`), through `filter` (a shell command) when given. */
function mirrorText(path, filter = "cat") {
  const unpack = path.endsWith(".xz") ? "xz -d" : "gzip -d";
  // pipefail: a failed download is an error, not an empty pool.
  return execFileSync("bash", ["-c", `set -o pipefail; curl -sSfL ${MIRROR}/${path} | ${unpack} | ${filter}`], {
    encoding: "utf8",
    maxBuffer: 2 * 1024 * 1024 * 1024,
  });
}

/** Debian's Packages index of one release and architecture, as name -> { version, filename, size, depends }. */
function debianIndex(release, arch = "all") {
  const index = new Map();
  for (const stanza of mirrorText(`${release}/main/binary-${arch}/Packages.xz`).split("\n\n")) {
    const field = (name) => stanza.match(new RegExp(`^${name}: (.*)$`, "m"))?.[1];
    const name = field("Package");
    if (name)
      index.set(name, {
        version: field("Version"),
        filename: field("Filename"),
        size: Number(field("Installed-Size") ?? 0),
        depends: field("Depends") ?? "",
      });
  }
  return index;
}

/** The packages of trixie's Contents indexes that ship a Python file under usr/. */
function shipsPython() {
  const names = new Set();
  for (const arch of ["all", "amd64"])
    // Filtered in the shell: the whole index is longer than a JavaScript string may be.
    for (const line of mirrorText(`trixie/main/Contents-${arch}.gz`, "grep -E '^usr/[^ ]+\\.py\\s'").split("\n")) {
      const match = /^usr\/\S+\.py\s+(\S+)$/.exec(line);
      if (match) for (const qualified of match[1].split(",")) names.add(qualified.split("/").at(-1));
    }
  return names;
}

// Libraries that make a package's code talk to the network: its timeouts are the ones that matter most.
const NETWORK =
  /\bpython3-(requests|urllib3|httpx|aiohttp|httplib2|twisted|tornado|paramiko|redis|pika|kombu|celery|zmq|websocket|websockets|grpcio|pycurl|dbus|boto3|botocore|pymongo|psycopg2?|pymysql|ldap|serial|pexpect|gevent|eventlet|dnspython|zeroconf|asyncssh|ws4py|socketio|engineio|xmlrpc|suds|kazoo|etcd3|consul|pyroute2|openstack|keystoneauth1|oslo\.messaging|libvirt)\b/;
const SKIPPED = /-(doc|dbg|data|tests?|examples)$|^(libpython|pypy)/;

let rows;
if (args.registry === "npm") {
  const min = Number(args["min-downloads"]);
  rows = readFileSync("/usr/share/package-lists/npm.tsv", "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .filter(([name, version, downloads]) => name && version && Number(downloads) >= min)
    .map(([name, version]) => ({ name, version }));
} else if (args.registry === "debian-code") {
  const python = shipsPython();
  const index = new Map([...debianIndex("trixie", "amd64"), ...debianIndex("trixie", "all")]);
  rows = [...index]
    .filter(([name, { size }]) => python.has(name) && !SKIPPED.test(name) && size <= 30 * 1024)
    .map(([name, { version, filename, depends }]) => ({ name, version, filename, network: NETWORK.test(depends) }));
} else {
  const old = debianIndex("bookworm");
  rows = [...debianIndex("trixie")]
    .filter(([name]) => name.startsWith("python3-") && !old.has(name))
    .map(([name, { version, filename }]) => ({ name, version, filename }));
}
const hash = (name) => createHash("sha256").update(`${args.seed}:${name}`).digest("hex");
const wanted = args.names === undefined ? undefined : new RegExp(args.names, "i");
const pool = rows
  .filter((row) => !seen.has(row.name) && (wanted === undefined || wanted.test(row.name)))
  .sort((a, b) => Number(b.network ?? false) - Number(a.network ?? false) || (hash(a.name) < hash(b.name) ? -1 : 1));
const registry = args.registry === "npm" ? "npm" : "debian";
for (const [i, row] of pool.entries())
  console.log([i, registry, row.name, row.version, ...(row.filename ? [row.filename] : [])].join("\t"));
