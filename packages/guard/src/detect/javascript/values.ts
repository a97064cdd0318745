// What a number means as a timeout: hardcoded, unbounded ("no limit"), or written in SQL.
import type { EsNode } from "./ast.ts";

export type Classified = {
  kind: "hardcoded" | "unbounded";
  node: EsNode;
  literal: string;
  negative?: boolean;
  /** Written as a setting's declared default (`functionTimeout: { value: 0 }`): the code's own choice. */
  declared?: boolean;
};

/** got's timeout phases: got fires a phase of 0 at once (a 0 ms timeout), where most libraries read 0 as "none". */
export const GOT_PHASES = new Set(["lookup", "connect", "secureConnect", "socket", "send", "response", "request"]);

/** The largest 32-bit values (`0xFFFFFFFF`, `2 ** 31 - 1`): the "INFINITE" of C APIs and timers, not a duration. */
export const NO_LIMIT = 2 ** 31 - 1;

/** A caller's option value that switches a timeout off (`keepAliveTimeout: "disable"`), re-spelled by the code. */
export const NO_LIMIT_WORD = /^(disabled?|none|never|off|infinite|unlimited)$/i;

export function kindOf(value: number): Classified["kind"] {
  return value === 0 || value >= NO_LIMIT ? "unbounded" : "hardcoded";
}

/** `"30"`: a number written as a string (a fallback parsed later). */
export function numericString(node: EsNode): number | undefined {
  return node.type === "Literal" && typeof node.value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(node.value)
    ? Number(node.value)
    : undefined;
}

/** `SET [LOCAL|SESSION] lock_timeout = 30000` / `TO 30000` / `SET statement_timeout TO '5s'` (number only). */
export const SQL_TIMEOUT =
  /\b(SET|PRAGMA)\s+(?:LOCAL\s+|SESSION\s+|GLOBAL\s+)?@{0,2}(?:\w+\.)?(\w*timeout\w*)\s*(?:=|\bTO\b)\s*'?(\d+)(?![\w.])/gi;
