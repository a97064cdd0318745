import { ChecklistNotFoundError } from "./errors.ts";

/** One thing a reviewer confirms. `id` is stable: saved progress is keyed by it. */
export interface ChecklistItem {
  id: string;
  text: string;
}

/** A checklist used during review. */
export interface Checklist {
  /** Stable id, also the docs page slug (`/checklists/<id>`). */
  id: string;
  title: string;
  /** When to use it, in one sentence. */
  when: string;
  items: readonly ChecklistItem[];
}

export const CHECKLISTS: readonly Checklist[] = [
  {
    id: "timeouts",
    title: "Timeouts and network calls",
    when: "Any change that makes a network call, waits for something, or adds a test that does.",
    items: [
      {
        id: "from-config",
        text: "Timeouts come from config.TIMEOUT (or config.timeouts) in @org/config, never from a literal: dev 5 s, staging 30 s, prod 60 s.",
      },
      {
        id: "python-env",
        text: 'Python code takes timeouts from `org_toolkit.config` (`config.TIMEOUT` in ms, `config.timeout_s` for `requests`); shell scripts export ORG_TIMEOUT_MS / ORG_TIMEOUT_S with `eval "$(org-config env --format shell)"` (plain `org-config env` prints KEY=value lines for pipes, not exports).',
      },
      {
        id: "bounded",
        text: "No call can wait forever: no timeout=None, no timeout: 0, no requests/httpx call without a timeout.",
      },
      {
        id: "retries",
        text: "Idempotent network calls retry with exponential backoff and jitter (@org/http does this by default).",
      },
      {
        id: "tests-no-instant",
        text: "Tests do not assume an instant response; end-to-end tests use createStagingClient from @org/http/testing.",
      },
      { id: "guard-clean", text: "org-guard passes, and every org-guard-ignore-next-line says why." },
    ],
  },
  {
    id: "distributed",
    title: "Caches and distributed systems",
    when: "Any change that reads, writes or invalidates a cache, or touches state shared across regions.",
    items: [
      {
        id: "broadcast",
        text: "Cache invalidation goes through cache.invalidate from @org/cache-client, which reaches every cluster of every region.",
      },
      { id: "no-local-delete", text: "No direct delete on a Redis client (redis.del, redis.delete)." },
      {
        id: "report-handled",
        text: "A queued invalidation (report.complete === false) is logged or alerted, not ignored.",
      },
      {
        id: "multi-region-test",
        text: "Behaviour is tested across regions, including one region partitioned (startLocalRegions from @org/cache-client/testing).",
      },
      {
        id: "staleness",
        text: "Eventual consistency is handled: TTLs within config.cache.maxTtlMs, and security-critical reads use failClosed.",
      },
      {
        id: "partitions",
        text: "Network partitions and an unreachable cluster were considered: what does the code do while a region is cut off?",
      },
    ],
  },
  {
    id: "ai-generated-code",
    title: "QA for AI-generated code",
    when: "Any pull request tagged [AI-ASSISTED].",
    items: [
      { id: "tagged", text: "The pull request is tagged [AI-ASSISTED] and a human reviewed every line." },
      { id: "edge-cases", text: "Distributed-systems edge cases were considered: regions, retries, partial failure." },
      {
        id: "real-conditions",
        text: "Examples copied from documentation were adjusted for real conditions (latency, load, queue time).",
      },
      { id: "unit-tests", text: "Unit tests cover the change." },
      {
        id: "integration-tests",
        text: "A human wrote or checked the integration tests, from knowledge of the system.",
      },
      { id: "staging", text: "QA validated the change in staging, not only with unit tests." },
    ],
  },
];

/** The checklist with this id; throws a clear error for an unknown one. */
export function getChecklist(id: string): Checklist {
  const found = CHECKLISTS.find((c) => c.id === id);
  if (!found)
    throw new ChecklistNotFoundError(
      id,
      CHECKLISTS.map((c) => c.id),
    );
  return found;
}
