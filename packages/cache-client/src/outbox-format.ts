import type { OutboxEntry, OutboxRow } from "./store.ts";

/** Protocol version written in every outbox entry's `v` field (PROTOCOL.md). */
export const PROTOCOL_VERSION = "2";

type EntryFields = Readonly<Record<"v" | "id" | "keys" | "at" | "targets", string>>;

/** Built once per entry and shared by every cluster it is sent to (an entry is never changed). */
const fieldsOf = new WeakMap<OutboxEntry, EntryFields>();

/** The stream fields of an entry, in order (PROTOCOL.md, "Outbox entry"). */
export function entryFields(entry: OutboxEntry): EntryFields {
  let fields = fieldsOf.get(entry);
  if (!fields) {
    fields = {
      v: PROTOCOL_VERSION,
      id: entry.id,
      keys: JSON.stringify(entry.keys),
      at: String(entry.at),
      targets: JSON.stringify(entry.targets),
    };
    fieldsOf.set(entry, fields);
  }
  return fields;
}

/** Reads one stream row; a row that is not a valid entry is returned with `malformed` set. */
export function parseRow(streamId: string, fields: readonly string[]): OutboxRow {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  try {
    const id = map.get("id");
    const keys = JSON.parse(map.get("keys") ?? "null") as unknown;
    const targets = JSON.parse(map.get("targets") ?? "null") as unknown;
    if (!id) return { streamId, malformed: "no id field" };
    if (!isStringArray(keys) || keys.length === 0)
      return { streamId, malformed: "keys is not a non-empty JSON array of strings" };
    if (!isStringArray(targets)) return { streamId, malformed: "targets is not a JSON array of strings" };
    return { streamId, entry: { id, keys, targets, at: Number(map.get("at") ?? 0) } };
  } catch {
    return { streamId, malformed: "keys or targets is not JSON" };
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

/** Milliseconds encoded in a stream id ("<ms>-<seq>"): the holder's clock when it was recorded. */
export function streamIdMs(streamId: string): number {
  return Number(streamId.split("-")[0]);
}
