import type { Node as TsNode } from "web-tree-sitter";
import { isCodeList } from "../code-list.ts";
import { codeStatement, previousStatement, stringContent } from "./syntax.ts";

// Code lists of one file: `ER_LOCK_WAIT_TIMEOUT = 1205` among numbered siblings, `{"noCursorTimeout": 16, ...}`.
// Their entries are codes, not durations.
export class CodeLists {
  // Assignments that are entries of a code list written as statements (`ER_LOCK_WAIT_TIMEOUT = 1205`).
  readonly statements = new Set<number>();
  private readonly tables = new Map<number, boolean>();
  // File-level precheck: most files hold no code list, so their assignments are never asked.
  private readonly mayHoldStatements: boolean;
  private run: { statement: TsNode; id: number; name: string; value: number; base?: string }[] = [];
  // The names of the statement entries, by assignment id (for `release`).
  private readonly names = new Map<number, string>();

  constructor(
    source: string,
    private readonly extraTimeoutNames: ReadonlySet<string>,
  ) {
    this.mayHoldStatements =
      (source.match(
        /^[ \t]*[\w.]+[ \t]*=[ \t]*(?:-?\d+|\(?[ \t]*[A-Za-z_]\w*[ \t]*\+[ \t]*\d+[ \t]*\)?)[ \t]*(#.*)?$/gm,
      )?.length ?? 0) >= 4;
  }

  // Looks at one assignment (collect phase, in document order): `ER_LOCK_WAIT_TIMEOUT = 1205` among its siblings is
  // a code list written as statements, numbered in order (a settings block, `TIMEOUT = 30; RETRIES = 3`, is not);
  // so is `NIN_BALLOONTIMEOUT = (WM_USER + 4)` among siblings numbered from the same base.
  noteAssignment(node: TsNode): void {
    if (!this.mayHoldStatements) return;
    const entry = codeStatement(node);
    const last = this.run.at(-1);
    if (
      !entry ||
      !last ||
      entry.value < last.value ||
      entry.base !== last.base ||
      previousStatement(entry.statement)?.id !== last.statement.id
    )
      this.flush();
    if (entry) this.run.push(entry);
  }

  // Ends the current run of statements (and the collect phase).
  flush(): void {
    if (
      isCodeList(
        this.run.map((e) => [e.name, e.value]),
        this.extraTimeoutNames,
        true,
      )
    )
      for (const entry of this.run) {
        this.statements.add(entry.id);
        this.names.set(entry.id, entry.name);
      }
    this.run = [];
  }

  // `CONNECT_TIMEOUT = 5` among `FALLBACK_INTERVAL = 5`, `CONNECT_RETRY_COUNT = 60` reads like a code list, but
  // the file hands it on as `wait(timeout=CONNECT_TIMEOUT)`: what the value does outweighs how its neighbours look.
  release(timeoutArguments: ReadonlySet<string>): void {
    for (const [id, name] of this.names)
      if (timeoutArguments.has(name)) {
        this.statements.delete(id);
        this.names.delete(id);
      }
  }

  // A dict that is a code list (`{"noCursorTimeout": 16, ...}`) or a set of names (`{"connect_timeout": 1, ...}`).
  isTable(dict: TsNode): boolean {
    const cached = this.tables.get(dict.id);
    if (cached !== undefined) return cached;
    // A call's keywords count when every one is an upper-case member name (`Enum(Int8ub, OK=0, TIME_OUT=9, ...)`).
    const call = dict.type === "argument_list";
    const pairs = dict.namedChildren.filter((c) => c?.type === (call ? "keyword_argument" : "pair"));
    const entries = pairs.map((pair): [string | undefined, number | undefined] => {
      const key = pair!.childForFieldName(call ? "name" : "key");
      const value = pair!.childForFieldName("value");
      const number = value && /^-?\s*\d+$/.test(value.text) ? Number(value.text.replace(/\s+/g, "")) : undefined;
      return [call ? key?.text : key?.type === "string" ? stringContent(key) : undefined, number];
    });
    const result = call
      ? (entries.every(([name]) => /^[A-Z][A-Z\d_]*$/.test(name!)) || isNumberedMembers(entries)) &&
        isCodeList(entries, this.extraTimeoutNames, true)
      : pairs.length === dict.namedChildren.filter((c) => c?.type !== "comment").length &&
        isCodeList(entries, this.extraTimeoutNames);
    this.tables.set(dict.id, result);
    return result;
  }
}

// Capitalised member names numbered in order (`Enum(Byte("code"), Pad=0, Subnet_Mask=1, ..., Path_MTU_Aging_Timeout=24,
// ...)`: a protocol's option codes): eight or more, numbered from 0 or 1, each value above the one before and close to it.
function isNumberedMembers(entries: readonly (readonly [string | undefined, number | undefined])[]): boolean {
  return (
    entries.length >= 8 &&
    entries.every(([name]) => /^[A-Z][A-Za-z\d_]*$/.test(name ?? "")) &&
    entries.every(([, n], i) => {
      if (n === undefined) return false;
      if (i === 0) return n === 0 || n === 1;
      const before = entries[i - 1]![1]!;
      return n > before && n - before <= 16;
    })
  );
}
