/** Why a cluster did not do what was asked, as reports, events and errors name it. */
export type FailureKind = "auth" | "tls" | "refused" | "timeout" | "unavailable" | "rejected" | "error";

/**
 * An error from a cluster, stripped of everything that could hold a secret: it keeps a message
 * scrubbed of the connection's credentials and the failure kind, never the driver's error object
 * (ioredis errors carry the command's arguments, `AUTH user <password>` among them).
 */
export class ClusterFailure extends Error {
  override readonly name = "ClusterFailure";
  constructor(
    readonly clusterId: string,
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

const PATTERNS: [FailureKind, RegExp][] = [
  ["auth", /WRONGPASS|NOAUTH|NOPERM|invalid username-password|Authentication required|AUTH failed/i],
  // A server's error reply ("CROSSSLOT Keys in request ...") before anything matches its words.
  ["unavailable", /^(LOADING|MASTERDOWN|CLUSTERDOWN|TRYAGAIN)\b/],
  ["rejected", /^[A-Z]{3,}\b/],
  ["tls", /certificate|self[- ]signed|\bSSL\b|\bTLS\b|EPROTO|ERR_TLS|ERR_SSL|handshake/i],
  ["refused", /ECONNREFUSED|connection refused/i],
  ["timeout", /timed? ?out|ETIMEDOUT|did not answer within|not connected within/i],
  [
    "unavailable",
    /ECONNRESET|EPIPE|Connection is closed|connection ended|connection is (wait|connecting|connect|reconnecting|close|end)\b|not connected\b|max retries per request|Stream isn't writeable|is (end|close)|circuit|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|CLUSTERDOWN|LOADING|MASTERDOWN/i,
  ],
  ["rejected", /CROSSSLOT|MOVED|ASK|WRONGTYPE|NOSCRIPT|ERR |OOM|READONLY|BUSY|EXECABORT/],
];

export function classify(message: string): FailureKind {
  for (const [kind, pattern] of PATTERNS) if (pattern.test(message)) return kind;
  return "error";
}

/** Turns anything thrown by a driver into a ClusterFailure whose message holds none of `secrets`. */
export function sanitize(clusterId: string, error: unknown, secrets: readonly string[]): ClusterFailure {
  if (error instanceof ClusterFailure) return error;
  const raw = error instanceof Error ? error.message : String(error);
  let message = raw;
  for (const secret of secrets) if (secret) message = message.split(secret).join("***");
  // Driver messages sometimes quote a command's arguments; never pass those on.
  message = message.replace(/(AUTH|HELLO)\b[^\n]*/gi, "$1 ***");
  return new ClusterFailure(clusterId, classify(raw), `${clusterId}: ${message}`);
}

/** "us-east-1-a: auth (WRONGPASS ...), us-east-1-b: timeout (...)" for error messages. */
export function describeFailures(failures: readonly ClusterFailure[]): string {
  return failures.map((f) => `${f.clusterId}: ${f.kind} (${f.message.slice(f.clusterId.length + 2)})`).join("; ");
}
