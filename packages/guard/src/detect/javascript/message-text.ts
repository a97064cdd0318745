// Values written into an error's or a log line's text: `reject(new Error(`Operation timeout after
// ${args.timeout_seconds || 30} seconds`))` (metabase-ai-assistant) prints a number, it bounds nothing: the timer's
// delay is computed elsewhere. The text goes to an error constructor (`new Error(...)`, `TimeoutError(...)`) or a log
// call (`logger.warn(...)`); a template or a `+` concatenation with a string is text there. Text handed anywhere else
// (a URL with `?timeout=30`, a shell command, SQL) may reach something that waits, and is judged as before. A part that
// makes a call is left to that call's judgement.
import { calleePath, type EsNode, FUNCTION_TYPES, span, unwrap } from "./ast.ts";
import { isLog } from "./callback-effects.ts";
import { walk, type VisitorKeys } from "./walk.ts";

/**
 * `new Error(...)`, `new errors.TimeoutError(...)`, `createError(...)`, a file's own `error("TIMEOUT", message)`
 * factory (pi-subagents, fresh339): an error built from its message (TypeScript's CommonJS output reaches a
 * default-exported class as `SpruceError_1.default`).
 */
const ERROR_BUILDER = /(^|\.)(\w*Error|\w*Exception|error)(_\d+\.default)?$/;

/** Whether the call or construction `node`, of callee `path`, builds an error or writes a log line. */
function writesMessage(node: EsNode, path: string | undefined): path is string {
  return path !== undefined && (ERROR_BUILDER.test(path) || (node.type === "CallExpression" && isLog(path)));
}

/** The spans of the values a call or construction `node` writes into an error's or a log line's text. */
export function messageParts(node: EsNode, visitorKeys?: VisitorKeys): [number, number][] {
  const path = calleePath(node.callee as EsNode);
  if (!writesMessage(node, path)) return [];
  const parts: EsNode[] = [];
  for (const arg of node.arguments as EsNode[]) textParts(unwrap(arg), parts);
  // `this.log.debug("start update", { timeout: 30000 })` (@lskjs/proxy, fresh324): the fields of an object logged
  // beside the message are written into the line too.
  if (node.type === "CallExpression" && isLog(path)) parts.push(...literalFields(node.arguments as EsNode[]));
  return parts.filter((part) => onlyNumbers(part, visitorKeys)).map((part) => span(part));
}

/**
 * The spans of the string texts a call or construction `node` writes into an error's or a log line's message:
 * `Error(\`... or set X64DBG_MCP_TIMEOUT=0 to wait indefinitely.\`)` (x64dbg-mcp-server, fresh391) tells the user
 * what to do; it is no SQL the code sends (`sql.ts`).
 */
export function messageTexts(node: EsNode): [number, number][] {
  // Most calls hand no text: their callee is not worth a path.
  if (!(node.arguments as EsNode[]).some((arg) => isString(arg) || arg.type === "BinaryExpression")) return [];
  if (!writesMessage(node, calleePath(node.callee as EsNode))) return [];
  const operands: EsNode[] = [];
  for (const arg of node.arguments as EsNode[]) flatten(arg, operands);
  return operands.filter(isString).map((operand) => span(operand));
}

/** The literal values of the object literals among `args` (`{ code: "TIMEOUT", timeoutMs: 20000 }`). */
function literalFields(args: readonly EsNode[]): EsNode[] {
  return args
    .map((arg) => unwrap(arg))
    .filter((arg) => arg.type === "ObjectExpression")
    .flatMap((object) => object.properties as EsNode[])
    .filter((property) => property.type === "Property" && unwrap(property.value as EsNode).type === "Literal")
    .map((property) => property.value as EsNode);
}

/**
 * `throw new TransactionTimeoutError(tx.id, name, this.config.authorizationTimeout || 30000)` (sapiom): the numbers an
 * error object is built from, handed as whole arguments: what the error reports of a wait that is already over, not a
 * bound on one. A function or object argument (`new RetryError({ timeout }, fn)`) may carry more, and is judged as before.
 */
export function errorPayloads(node: EsNode): [number, number][] {
  if (node.type !== "NewExpression" || !ERROR_BUILDER.test(calleePath(node.callee as EsNode) ?? "")) return [];
  const args = (node.arguments as EsNode[]).map((arg) => unwrap(arg));
  // `new SpruceError({ code: "TIMEOUT", eventName: "connect", timeoutMs: 20000 })` (@sprucelabs/mercury-client,
  // fresh321): a number written into the error's options object describes the wait that timed out.
  return [...args.filter((arg) => PAYLOAD.has(arg.type)), ...literalFields(args)].map((arg) => span(arg));
}

/** Argument shapes that are a value, not code or a structure: a number, a name, a fallback, a choice. */
const PAYLOAD = new Set(["Literal", "Identifier", "MemberExpression", "LogicalExpression", "ConditionalExpression"]);

/** The values interpolated into `text` (a template, or a `+` chain holding a string), pushed onto `parts`. */
function textParts(text: EsNode, parts: EsNode[]): void {
  if (text.type === "TemplateLiteral") {
    for (const expression of text.expressions as EsNode[]) parts.push(expression);
    return;
  }
  const operands: EsNode[] = [];
  flatten(text, operands);
  if (operands.length < 2 || !operands.some(isString)) return;
  for (const operand of operands)
    if (operand.type === "TemplateLiteral") textParts(operand, parts);
    else if (!isString(operand)) parts.push(operand);
}

/** The operands of a `+` chain, left to right (one operand: the node itself). */
function flatten(node: EsNode, out: EsNode[]): void {
  const value = unwrap(node);
  if (value.type === "BinaryExpression" && value.operator === "+") {
    flatten(value.left as EsNode, out);
    flatten(value.right as EsNode, out);
  } else out.push(value);
}

function isString(node: EsNode): boolean {
  return (node.type === "Literal" && typeof node.value === "string") || node.type === "TemplateLiteral";
}

/** A part that holds a number written in place and makes no call (nothing else there could be reported). */
function onlyNumbers(part: EsNode, visitorKeys: VisitorKeys | undefined): boolean {
  let calls = false;
  let number = false;
  walk(part, visitorKeys, (node) => {
    if (calls) return false;
    if (FUNCTION_TYPES.has(node.type) || node.type === "CallExpression" || node.type === "NewExpression") calls = true;
    else if (node.type === "Literal" && typeof node.value === "number") number = true;
  });
  return number && !calls;
}
