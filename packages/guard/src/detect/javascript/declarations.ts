// What declarations bind: names and parameters (their counts), `const` candidates and their blocks, and what a
// declared local holds (a timers module, a Redis client, a promise).
import { bindingIdentifiers, calleePath, type EsNode, isNode, requiredModule, span, unwrapAwait } from "./ast.ts";
import type { FileFacts } from "./facts.ts";
import { isTimeoutStatusCode } from "../../status-codes.ts";
import { codeStatement, codeTableEntryWrites, statementCodeTables } from "./code-tables.ts";
import { isResetValue } from "./not-durations.ts";
import { trackRedisClient } from "./redis.ts";
import { startsRequestBuilder } from "./request-bounds.ts";
import { TIMER_MODULES } from "./timers.ts";

/** Counts the names a function, catch clause or declarator binds; a function with parameters is kept. */
export function collectBindings(facts: FileFacts, node: EsNode): void {
  const names = bindingIdentifiers(node);
  for (const id of names) facts.bindingCounts.set(id, (facts.bindingCounts.get(id) ?? 0) + 1);
  // A parameter hides a block constant of the same name inside its function (resolved after the walk).
  if (names.length > 0 && node.type !== "VariableDeclarator" && node.type !== "CatchClause")
    facts.functions.push([node, names]);
}

/** What one declarator binds, and what its local holds (a timers module, a Redis client, a promise). */
export function collectDeclarator(facts: FileFacts, node: EsNode): void {
  const id = node.id as EsNode;
  if (id.type === "Identifier" && isNode(node.init) && TIMER_MODULES.test(requiredModule(node.init) ?? "")) {
    facts.timerModules.add(id.name as string);
  }
  collectBindings(facts, node);
  if (id.type !== "Identifier" || !isNode(node.init)) return;
  trackRedisClient(facts.redisClients, id.name as string, node.init);
  if (startsRequestBuilder(node.init)) facts.requestBuilders.add(id.name as string);
  const init = unwrapAwait(node.init);
  if (init.type === "NewExpression" && calleePath(init.callee as EsNode) === "Promise") {
    const [from, to] = span(init);
    facts.heldPromises.push({ name: id.name as string, from, to });
  }
}

/**
 * `const` candidates not in a block's statement list (`export const`, a `switch` case's; `collectBlock` takes the
 * others); `let x = 0` is reset state.
 */
export function collectDeclaration(facts: FileFacts, node: EsNode): void {
  if (node.kind !== "const") {
    // `let timeout = 0` starts a variable that is set later: reset state, not a duration.
    for (const declarator of node.declarations as EsNode[]) {
      if (isNode(declarator.init) && isResetValue(declarator.init)) facts.notDurations.add(declarator);
    }
    return;
  }
  for (const declarator of node.declarations as EsNode[]) {
    const id = declarator.id as EsNode;
    if (id.type === "Identifier" && isNode(declarator.init) && !facts.scopedInits.has(declarator.init)) {
      facts.candidates.push({ node: declarator.init, value: Number.NaN, name: id.name as string });
    }
  }
}

/** A block's statement code tables, its declarations (expected data) and its `const`s, each knowing its block. */
export function collectBlock(facts: FileFacts, node: EsNode): void {
  facts.zero.block(node);
  // `exports.ER_QUERY_TIMEOUT = 3024;` one statement per code: the same table, written as statements.
  for (const site of statementCodeTables(node.body as EsNode[], facts.extraTimeoutNames)) {
    facts.notDurations.add(site);
    // `const timeout = 165, ...` read as `{ ..., timeout, ... }`: the code's value is no duration where it is read either.
    if (site.type === "VariableDeclarator" && isNode(site.init)) facts.notDurations.add(site.init as EsNode);
  }
  for (const site of codeTableEntryWrites(node.body as EsNode[], facts.extraTimeoutNames)) facts.notDurations.add(site);
  // `const STATUS_CODE_REQUEST_TIMEOUT = 408` among statuses written in no order: an HTTP status, not a duration.
  for (const statement of node.body as EsNode[]) {
    const code = codeStatement(statement);
    if (code && isTimeoutStatusCode(code.name, code.value)) facts.notDurations.add(code.site);
  }
  // Each `const` knows its block: a name declared in several blocks resolves to the one in scope.
  let scope: [number, number] | undefined;
  for (const statement of node.body as EsNode[]) {
    if (statement.type !== "VariableDeclaration") continue;
    scope ??= span(node);
    for (const declarator of statement.declarations as EsNode[]) {
      if ((declarator.id as EsNode).type === "Identifier" && isNode(declarator.init)) {
        const name = (declarator.id as EsNode).name as string;
        // `var message = { ... }` in a spec is expected data as much as a `const` (a reassignment is a use).
        const at = span(declarator.id as EsNode)[0];
        facts.expected.declare(name, scope, declarator.init, facts.noWait.asserts, at, statement.kind === "const");
        if (statement.kind !== "const") continue;
        facts.scopedInits.add(declarator.init);
        facts.candidates.push({ node: declarator.init, value: Number.NaN, name, scope });
      }
    }
  }
}
