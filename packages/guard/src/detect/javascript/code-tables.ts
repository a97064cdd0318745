// Code tables: objects and runs of statements binding names to numbered codes (`RequestTimeout: 408`,
// `exports.ER_LOCK_WAIT_TIMEOUT = 1205`), whose timeout-named entries are codes, not durations.
import { isTimeoutName } from "../../names.ts";
import { isTimeoutStatusCode } from "../../status-codes.ts";
import { isCodeList } from "../code-list.ts";
import { type EsNode, isNode, propertyName, referenceName, unwrap } from "./ast.ts";

/**
 * A table of codes or flags (`{ RequestTimeout: 408, GatewayTimeout: 504, ... }`, `{ ERROR_TIMEOUT: -3 }`):
 * four or more entries (three numbered in order), every value a distinct integer literal, few names that are timeouts.
 */
export function isCodeTable(all: readonly EsNode[], extra: ReadonlySet<string>): boolean {
  if (all.length < 3 || all.some((p) => p.type !== "Property")) return false;
  // `"16": "Timeout"` beside `"Timeout": 16` (steam-user's generated `EResult`): an enum's reverse mapping, from a
  // code back to its name; set aside, the rest is judged as the table.
  const forward = all.filter((p) => !reverseEntry(p));
  // `ENOTFOUND: "ENOTFOUND"` among `RequestTimeout: 408, ...` (@azure/cosmos' StatusCodes): a code spelled as its own
  // name is a code too, not a setting; a few of them leave the numbered codes a code table.
  const properties = forward.filter((p) => !namesItself(p));
  if (properties.length < 3 || properties.length * 4 < forward.length * 3) return false;
  const entries = properties.map((p) => [propertyName(p), integerOf(p.value as EsNode)] as const);
  // `{ acquireTimeout: 20000, connectionTimeout: 10000, frameMax: 8192, heartbeat: 60 }`: a client's option
  // defaults (camelCase settings, a timeout among them written as whole half-seconds, in decimal), not codes
  // (`RequestTimeout: 408`, cassandra's `writeTimeout: 0x1100`).
  const durationAt = (i: number) => {
    const [name, n] = entries[i]!;
    const raw = String(unwrap(properties[i]!.value as EsNode).raw ?? "");
    return isTimeoutName(name!, extra) && n !== undefined && n >= 1000 && n % 500 === 0 && /^\d[\d_]*$/.test(raw);
  };
  const settings =
    entries.every(([name]) => name !== undefined && /^[a-z][a-zA-Z0-9]*$/.test(name)) &&
    entries.some((_, i) => durationAt(i));
  return !settings && isCodeList(entries, extra);
}

/** How many entries make a table a header's definitions (ibmmq's `mqidefs_*.js`: 5,266 of them). */
const HEADER_ENTRIES = 100;

/**
 * A C header's definitions copied into one object (ibmmq's `module.exports = Object.freeze({ ..., MQIA_RECEIVE_TIMEOUT
 * :111, MQIACF_SECURITY_TIMEOUT :1152, ... })`): a hundred or more entries, every key a constant's (upper snake case,
 * nine in ten at least; `MQFIELD_WQR_QName` keeps a field's casing), every value a number or string literal, fewer
 * than one name in twenty a timeout's. Its groups of codes restart their numbering and alias one another, so no one
 * numbering runs through it (`isCodeTable` asks for one). The entries it holds that are codes: timeout-named integers
 * that are not whole seconds in milliseconds (a `DEFAULT_TIMEOUT: 30000` among the constants stays a duration).
 */
export function headerCodes(all: readonly EsNode[], extra: ReadonlySet<string>): EsNode[] {
  if (all.length < HEADER_ENTRIES) return [];
  const timeouts: EsNode[] = [];
  // `MQFIELD_WQR_QName :8004`: a few keys end in a field's own casing.
  let mixed = 0;
  for (const property of all) {
    if (property.type !== "Property" || property.computed) return [];
    const name = propertyName(property);
    const value = unwrap(property.value as EsNode);
    const literal =
      (value.type === "Literal" && (typeof value.value === "number" || typeof value.value === "string")) ||
      integerOf(value) !== undefined;
    if (name === undefined || !/^[A-Z][A-Za-z0-9_]*$/.test(name) || !literal) return [];
    if (!/^[A-Z][A-Z0-9_]*$/.test(name)) mixed += 1;
    if (isTimeoutName(name, extra)) timeouts.push(property);
  }
  if (timeouts.length * 20 >= all.length || mixed * 10 > all.length) return [];
  return timeouts.filter((property) => {
    const n = integerOf(property.value as EsNode);
    return n !== undefined && !(n >= 1000 && n % 1000 === 0);
  });
}

/**
 * `{ SERVICE_UNAVAILABLE: 503, TOO_MANY_REQUESTS: 429, REQUEST_TIMEOUT: 408 }`: an entry that holds a timeout status
 * under its reason phrase or a status word (`status-codes.ts`, as a declaration of the same name and number is judged)
 * is that status, also in a table too small to be judged a code table.
 */
export function statusEntries(properties: readonly EsNode[]): EsNode[] {
  return properties.filter(
    (p) => p.type === "Property" && isTimeoutStatusCode(propertyName(p), integerOf(p.value as EsNode)),
  );
}

/** The key an enum's record holds its code under, and the keys that describe the code. */
const RECORD_CODE = /^(value|code)$/;
const RECORD_TEXT = /^(name|message|description|text|label)$/;

/**
 * `{ UnknownError: { name: "UnknownError", value: 0, message: "..." }, Timeout: { name: "Timeout", value: 1, message:
 * "A timeout occurred sending the message" }, ... }` (@socketlabs/email's result enum, fresh421): an enum whose members
 * are records, three or more, each with an integer `value` (or `code`), mostly distinct, and a text that describes
 * it. The numbers are codes: its members are no durations.
 */
export function recordCodes(properties: readonly EsNode[]): EsNode[] {
  if (properties.length < 3) return [];
  const codes: EsNode[] = [];
  const seen = new Set<number>();
  for (const member of properties) {
    const record = member.type === "Property" ? unwrap(member.value as EsNode) : undefined;
    if (record?.type !== "ObjectExpression") return [];
    const entries = (record.properties as EsNode[]).filter((p) => p.type === "Property");
    const code = entries.find((p) => RECORD_CODE.test(propertyName(p) ?? ""));
    const n = code ? integerOf(code.value as EsNode) : undefined;
    const described = entries.some((p) => {
      const value = unwrap(p.value as EsNode);
      return RECORD_TEXT.test(propertyName(p) ?? "") && value.type === "Literal" && typeof value.value === "string";
    });
    if (!code || n === undefined || !described) return [];
    seen.add(n);
    codes.push(member);
  }
  // Codes are mostly distinct (the enum reuses 38 once by mistake); settings records share their numbers.
  return seen.size * 4 >= codes.length * 3 ? codes : [];
}

/** `"128": "NotSupported"`: an entry from a code (an integer key) to a name. */
function reverseEntry(property: EsNode): boolean {
  const value = unwrap(property.value as EsNode);
  const key = property.key as EsNode;
  // `"16": "Timeout"` as a string key (generated code) or `16: "Timeout"` as a number.
  const code = key.type === "Literal" && Number.isInteger(Number(key.value)) && String(key.value).trim() !== "";
  return !property.computed && code && value.type === "Literal" && typeof value.value === "string";
}

/** `ENOTFOUND: "ENOTFOUND"`: an entry whose value is its own name. */
function namesItself(property: EsNode): boolean {
  const value = unwrap(property.value as EsNode);
  return value.type === "Literal" && typeof value.value === "string" && value.value === propertyName(property);
}

function integerOf(node: EsNode): number | undefined {
  const value = unwrap(node);
  const number =
    value.type === "Literal"
      ? value.value
      : value.type === "UnaryExpression" && value.operator === "-" && (value.argument as EsNode).type === "Literal"
        ? -((value.argument as EsNode).value as number)
        : undefined;
  return typeof number === "number" && Number.isInteger(number) ? number : undefined;
}

/**
 * Runs of four or more sibling statements binding one name each to an integer in ascending order
 * (`exports.ER_LOCK_WAIT_TIMEOUT = 1205;`, `const E_TIMEOUT = 3;`), judged like a code table: the
 * sites (assignments, declarators) of those that are. Codes are numbered in order; a settings block
 * (`TIMEOUT = 30; RETRIES = 3`) is not.
 */
export function statementCodeTables(body: readonly EsNode[], extra: ReadonlySet<string>): EsNode[] {
  const out: EsNode[] = [];
  let run: { site: EsNode; name: string | undefined; value: number | undefined; hex: boolean }[] = [];
  const flush = () => {
    if (
      isCodeList(
        run.map((e) => [e.name, e.value]),
        extra,
        true,
      )
    )
      out.push(...run.map((e) => e.site));
    run = [];
  };
  for (const statement of body) {
    // `const GL_POINTS=0,GL_LINES=1,...` (a minified build: one statement for the whole table, hex turned decimal).
    const group = groupTable(statement, extra);
    if (group) {
      flush();
      out.push(...group);
      continue;
    }
    const entry = codeStatement(statement);
    // A value below the last one starts a new run: codes are numbered in order. So does a jump of two orders
    // of magnitude (`API.CLOSED = 3; API.CLOSE_TIMEOUT = 30000`): a setting after the codes, not the next code.
    // Codes written in hex after hex codes (WebGL's `GL_MAX_SERVER_WAIT_TIMEOUT = 0x9111` among its enums, grouped
    // by topic, not by number) are the same table in any order: nobody writes a duration in hex.
    const last = run.at(-1);
    const ordered =
      last?.value === undefined ||
      (entry !== undefined && entry.value >= last.value && entry.value <= 100 * (Math.abs(last.value) + 1));
    if (!entry || !(ordered || (entry.hex && last!.hex))) flush();
    if (entry) run.push(entry);
  }
  flush();
  return out;
}

/** The shortest table one statement must bind to be judged a table of constants by its names alone. */
const GROUP_TABLE_LENGTH = 16;

/**
 * One statement binding a long table of constants (`const GL_DEPTH_BUFFER_BIT=256,GL_POINTS=0,...` or
 * `exports.GL_ACTIVE_ATTRIBUTES=35721,exports.GL_ACTIVE_TEXTURE=34016,...`, webgl-constants' minified builds): sixteen
 * or more names sharing one upper-case prefix (`GL_`), each bound to an integer, judged as a code list in any order
 * (a minifier writes hex in decimal and a bundle sorts by name), or sixteen or more names of any spelling numbered
 * one after another (`numbered`). The sites, or undefined when it is no such table.
 */
function groupTable(statement: EsNode, extra: ReadonlySet<string>): EsNode[] | undefined {
  // `Object.defineProperty(_, "__esModule", { value: !0 })` closing the UMD build's list: a call among the bindings.
  const parts = statementParts(statement).filter((part) => !isCall(part));
  if (parts.length < GROUP_TABLE_LENGTH) return undefined;
  const entries = parts.map(codeStatement);
  // `export const objectOpen = 1, rangeOp = 2, ..., timeout = 165, ...` (a lezer grammar's generated term ids,
  // @surrealdb/lezer, fresh381): names numbered one after another, whatever their spelling, are ids.
  if (numbered(entries)) return entries.map((e) => e!.site);
  const prefix = /^[A-Z][A-Z0-9]*_/.exec(entries[0]?.name ?? "")?.[0];
  if (prefix === undefined) return undefined;
  if (!entries.every((e) => e !== undefined && e.name!.startsWith(prefix) && /^[A-Z][A-Z0-9_]*$/.test(e.name!)))
    return undefined;
  const list = entries.map((e) => [e!.name, e!.value] as const);
  return isCodeList(list, extra, true) ? entries.map((e) => e!.site) : undefined;
}

/**
 * Distinct integers, three in four of them one more than the one before (a generator numbers its ids in runs:
 * lezer's term ids go 1...194, then 494..., then back to 195), none negative nor above twice the runs' highest: a
 * duration after the ids (`APP_O = 15, APP_REQUEST_TIMEOUT = 30000`) is a setting among them, not the next id.
 */
function numbered(entries: readonly ({ value: number } | undefined)[]): boolean {
  if (entries.some((e) => e === undefined)) return false;
  const values = entries.map((e) => e!.value);
  if (new Set(values).size !== values.length) return false;
  const steps = values.filter((value, i) => i > 0 && value === values[i - 1]! + 1).length;
  if (steps * 4 < (values.length - 1) * 3) return false;
  const inRun = (i: number) => values[i - 1] === values[i]! - 1 || values[i + 1] === values[i]! + 1;
  const high = Math.max(...values.filter((_, i) => inRun(i)));
  return values.every((value) => 0 <= value && value <= 2 * high);
}

function isCall(part: EsNode): boolean {
  return part.type === "ExpressionStatement" && unwrap(part.expression as EsNode).type === "CallExpression";
}

/** A statement's bindings, each as a statement of its own: a declaration's declarators, a comma list's expressions. */
function statementParts(exported: EsNode): EsNode[] {
  const statement =
    exported.type === "ExportNamedDeclaration" && isNode(exported.declaration) ? exported.declaration : exported;
  if (statement.type === "VariableDeclaration") {
    return (statement.declarations as EsNode[]).map((d) => ({ ...statement, declarations: [d] }) as EsNode);
  }
  if (statement.type !== "ExpressionStatement") return [];
  const expression = unwrap(statement.expression as EsNode);
  if (expression.type !== "SequenceExpression") return [];
  return (expression.expressions as EsNode[]).map((e) => ({ ...statement, expression: e }) as EsNode);
}

export function codeStatement(
  exported: EsNode,
): { site: EsNode; name: string | undefined; value: number; hex: boolean } | undefined {
  // `export const ZMQ_CONNECT_TIMEOUT = 79` among the other option ids: the declaration it exports.
  const statement =
    exported.type === "ExportNamedDeclaration" && isNode(exported.declaration) ? exported.declaration : exported;
  let site: EsNode | undefined;
  let name: string | undefined;
  let init: EsNode | undefined;
  if (statement.type === "ExpressionStatement") {
    const expression = unwrap(statement.expression as EsNode);
    if (expression.type !== "AssignmentExpression" || expression.operator !== "=") return undefined;
    const left = expression.left as EsNode;
    name = referenceName(left);
    site = expression;
    init = expression.right as EsNode;
  } else if (statement.type === "VariableDeclaration" && (statement.declarations as EsNode[]).length === 1) {
    const declarator = (statement.declarations as EsNode[])[0]!;
    if ((declarator.id as EsNode).type !== "Identifier" || !isNode(declarator.init)) return undefined;
    name = (declarator.id as EsNode).name as string;
    site = declarator;
    init = declarator.init;
  }
  const value = init ? integerOf(init) : undefined;
  const hex = init !== undefined && /^-?0x/i.test(String(unwrap(init).raw ?? ""));
  return site && name !== undefined && value !== undefined ? { site, name, value, hex } : undefined;
}

/**
 * Closure Compiler's exported enums (Firebase's bundled webchannel: `var Ab={NO_ERROR:0,gb:1,...,TIMEOUT:8,xb:9};`
 * then `Ab.NO_ERROR=0;Ab.TIMEOUT=8;` to keep the names the minifier renamed): a statement that sets an entry of a code
 * table declared in the same block is that code again. The sites of those statements.
 */
export function codeTableEntryWrites(body: readonly EsNode[], extra: ReadonlySet<string>): EsNode[] {
  // The entry writes first (`Ab.TIMEOUT=8`): most blocks have none, and only a name written to is a table to judge.
  const writes: { site: EsNode; table: string; key: string }[] = [];
  for (const statement of body) {
    const code = codeStatement(statement);
    const left = code?.site.type === "AssignmentExpression" ? unwrap(code.site.left as EsNode) : undefined;
    const table = left?.type === "MemberExpression" ? referenceName(left.object as EsNode) : undefined;
    if (code && table !== undefined) writes.push({ site: code.site, table, key: code.name! });
  }
  if (writes.length === 0) return [];
  const written = new Set(writes.map((w) => w.table));
  const tables = new Map<string, Set<string>>();
  for (const statement of body) {
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations as EsNode[]) {
      const id = declarator.id as EsNode;
      const init = isNode(declarator.init) ? unwrap(declarator.init) : undefined;
      if (id.type !== "Identifier" || !written.has(id.name as string) || init?.type !== "ObjectExpression") continue;
      const properties = init.properties as EsNode[];
      if (!isCodeTable(properties, extra)) continue;
      tables.set(id.name as string, new Set(properties.map((p) => propertyName(p)).filter((n) => n !== undefined)));
    }
  }
  return writes.filter((w) => tables.get(w.table)?.has(w.key)).map((w) => w.site);
}
