import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import type { ConfigIssue } from "./errors.ts";
import { parseJson } from "./json.ts";
import { ALL_SETTINGS, CONFIG_FILE_ENV, SETTINGS, Unparsable, settingsTree, type Setting } from "./settings.ts";

/** The largest config file read: 1 MiB. A topology of hundreds of clusters is a few tens of KB. */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** Unknown keys listed one by one per source; the rest are counted. */
const SHOWN_UNKNOWN_KEYS = 10;

/** Where values came from, flattened to one value per setting key. */
export interface Layer {
  /** `ORG_TIMEOUT_MS`, `config file /etc/org.json (from ORG_CONFIG_FILE)`, ... */
  readonly label: string;
  /** Environment variables are labelled one by one; files and `values` by `label at $.key`. */
  readonly kind: "env" | "object";
  readonly values: Map<string, unknown>;
}

/** Reads the config file: a regular file of at most MAX_CONFIG_FILE_BYTES holding a JSON object. */
export function readConfigFile(path: string, fromEnv: boolean, issues: ConfigIssue[]): Layer | undefined {
  const label = `config file ${path}${fromEnv ? ` (from ${CONFIG_FILE_ENV})` : ""}`;
  const problem = (message: string) => {
    issues.push({ source: label, key: "", message });
    return undefined;
  };
  let text: string;
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below as not a regular file.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return problem("is not a regular file; point it at a JSON file");
    if (stat.size > MAX_CONFIG_FILE_BYTES) {
      return problem(`is ${stat.size} bytes, more than the ${MAX_CONFIG_FILE_BYTES} bytes a config file may have`);
    }
    const buffer = Buffer.alloc(MAX_CONFIG_FILE_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_CONFIG_FILE_BYTES)
      return problem(`is larger than the ${MAX_CONFIG_FILE_BYTES} bytes a config file may have`);
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer.subarray(0, length));
  } catch (error) {
    if (error instanceof TypeError) return problem("is not UTF-8 text");
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    return problem(`cannot be read (${code}); check the path and its permissions`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return problem(`is not valid JSON: ${parsed.reason}`);
  return objectLayer(label, parsed.value, issues);
}

/** Checks an object of settings (a config file, `loadConfig({ values })`) against the settings tree. */
export function objectLayer(label: string, data: unknown, issues: ConfigIssue[]): Layer | undefined {
  if (!isPlainObject(data)) {
    issues.push({
      source: label,
      key: "",
      message: "must hold a JSON object of settings",
    });
    return undefined;
  }
  const values = new Map<string, unknown>();
  const unknown: string[] = [];
  const tree = settingsTree();
  for (const key of Object.keys(data)) {
    const node = tree.get(key);
    if (node === undefined) {
      unknown.push(key);
    } else if (!(node instanceof Map)) {
      values.set(node.key, data[key]);
    } else if (!isPlainObject(data[key])) {
      issues.push({
        source: `${label} at $.${key}`,
        key,
        message: `must be an object with the keys ${[...node.keys()].join(", ")} (got ${describeType(data[key])})`,
      });
    } else {
      const branch = data[key] as Record<string, unknown>;
      for (const leaf of Object.keys(branch)) {
        const setting = node.get(leaf);
        if (setting) values.set(setting.key, branch[leaf]);
        else unknown.push(`${key}.${leaf}`);
      }
    }
  }
  for (const key of unknown.slice(0, SHOWN_UNKNOWN_KEYS)) {
    const hint = suggest(key);
    issues.push({
      source: `${label} at $.${showKey(key)}`,
      key: showKey(key),
      message: `${JSON.stringify(showKey(key))} is not a setting${hint ? `; did you mean "${hint}"?` : ""} (settings: ${ALL_SETTINGS.map((s) => s.key).join(", ")})`,
    });
  }
  if (unknown.length > SHOWN_UNKNOWN_KEYS) {
    issues.push({
      source: label,
      key: "",
      message: `${unknown.length - SHOWN_UNKNOWN_KEYS} more keys are not settings either`,
    });
  }
  return { label, kind: "object", values };
}

/** The `ORG_*` variables of the settings list that are set; convict turns their text into values. */
export function envLayer(env: Readonly<Record<string, string | undefined>>): Layer {
  const values = new Map<string, unknown>();
  for (const setting of SETTINGS) {
    const raw = setting.env === undefined ? undefined : env[setting.env];
    if (raw !== undefined) values.set(setting.key, raw);
  }
  return { label: "environment", kind: "env", values };
}

/** Where a key's value came from, for messages: `ORG_REGIONS at $[0].url`, `config file x at $.TIMEOUT`. */
export function sourceOf(
  key: string,
  setting: Setting | undefined,
  layer: Layer | undefined,
  fallback: string,
): string {
  if (!setting || !layer) return fallback;
  const rest = key.slice(setting.key.length);
  if (layer.kind === "env") return rest ? `${setting.env} at $${rest}` : setting.env!;
  return `${layer.label} at $.${key}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === null || proto === Object.prototype;
}

export { Unparsable };

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

// Keys come from the input: escape control characters (a newline would forge a line) and truncate.
function showKey(key: string): string {
  const escaped = JSON.stringify(key).slice(1, -1);
  return escaped.length > 60 ? `${escaped.slice(0, 60)}…` : escaped;
}

/** The setting a mistyped key most likely meant, when one is close. */
function suggest(key: string): string | undefined {
  const typed = key.slice(0, 64).toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const setting of ALL_SETTINGS) {
    for (const candidate of [setting.key, setting.key.split(".").at(-1)!]) {
      const distance = editDistance(typed, candidate.toLowerCase());
      if (!best || distance < best.distance) best = { key: setting.key, distance };
    }
  }
  return best && best.distance <= Math.max(2, Math.floor(typed.length / 3)) ? best.key : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
