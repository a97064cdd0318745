// Settings declared by name in a registry rather than as keys: `new WrapperProperty("wrapperConnectTimeout", "Timeout
// in milliseconds for the wrapper to create a connection.", 10000)` (aws-advanced-nodejs-wrapper, fresh322) declares a
// setting whose default is the last argument, read back with `.get(props)` where the connection is made; and a preset
// `new Map([[WrapperProperties.WRAPPER_CONNECT_TIMEOUT.name, 10000], ...])` sets it by the registry entry's name. Both
// are a timeout's default written in place, like `{ wrapperConnectTimeout: 10000 }` in a defaults table.
import { isTimeoutStatusCode } from "../../status-codes.ts";
import { calleePath, type EsNode, unwrap } from "./ast.ts";

/** A class that declares one setting: `WrapperProperty`, `ConfigOption`, `Setting`, `Param`, `ConfigField`. */
const SETTING_CLASS = /(?:Property|Option|Setting|Param(?:eter)?|Field|Flag)$/;

/** A registry entry's name read from it: `WrapperProperties.WRAPPER_CONNECT_TIMEOUT.name`, `.key`, `.id`. */
const ENTRY_NAME = /^(?:name|key|id)$/;

/** One setting's default: the name it is declared or set under, and the value written for it. */
export interface NamedDefault {
  readonly name: string;
  readonly value: EsNode;
}

/**
 * `new WrapperProperty("connectTimeout", "description", 10000)`: the name (the first argument, a string) and the
 * default (the last argument, a number) of a setting a registry class declares.
 */
export function declaredSetting(node: EsNode): NamedDefault | undefined {
  if (node.type !== "NewExpression") return undefined;
  const path = calleePath(unwrap(node.callee as EsNode)) ?? "";
  if (!SETTING_CLASS.test(path.slice(path.lastIndexOf(".") + 1))) return undefined;
  const args = (node.arguments as EsNode[]).map((arg) => unwrap(arg));
  const [first, last] = [args[0], args.at(-1)];
  if (args.length < 2 || first?.type !== "Literal" || typeof first.value !== "string") return undefined;
  return last?.type === "Literal" && typeof last.value === "number" ? { name: first.value, value: last } : undefined;
}

/**
 * `new Map([["connectTimeout", 10000], [Props.QUERY_TIMEOUT.name, 0]])`: each entry whose key is a name (a string, or
 * a registry entry's name, by the entry's own) and whose value is a number.
 */
export function mapSettings(node: EsNode): NamedDefault[] {
  if (node.type !== "NewExpression" || calleePath(unwrap(node.callee as EsNode)) !== "Map") return [];
  const [list] = node.arguments as EsNode[];
  if (list === undefined || unwrap(list).type !== "ArrayExpression") return [];
  const found: NamedDefault[] = [];
  for (const raw of unwrap(list).elements as (EsNode | null)[]) {
    const entry = raw && unwrap(raw);
    if (entry?.type !== "ArrayExpression" || (entry.elements as EsNode[]).length !== 2) continue;
    const [key, value] = (entry.elements as EsNode[]).map((part) => unwrap(part));
    const name = key && keyName(key);
    if (name !== undefined && value?.type === "Literal" && typeof value.value === "number") found.push({ name, value });
  }
  // `new Map([["GATEWAY_TIMEOUT", 504], ["NOT_FOUND", 404]])`: a table of status codes, not of settings.
  const codes = found.filter(({ name, value }) => isTimeoutStatusCode(name, value.value as number));
  const statusLike = found.every(({ value }) => Number.isInteger(value.value) && STATUS.test(String(value.value)));
  return codes.length > 0 || (found.length > 1 && statusLike) ? [] : found;
}

/** A number that reads as an HTTP status (100-599). */
const STATUS = /^[1-5]\d\d$/;

/** `"connectTimeout"`, `Props.CONNECT_TIMEOUT.name` (`CONNECT_TIMEOUT`), `PREFIX + Props.X.name` (`X`). */
function keyName(key: EsNode): string | undefined {
  if (key.type === "Literal" && typeof key.value === "string") return key.value;
  if (key.type === "BinaryExpression" && key.operator === "+") return keyName(unwrap(key.right as EsNode));
  const path = key.type === "MemberExpression" ? calleePath(key) : undefined;
  const parts = path?.split(".") ?? [];
  return parts.length >= 2 && ENTRY_NAME.test(parts.at(-1)!) ? parts.at(-2) : undefined;
}
