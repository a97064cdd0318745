// What an object literal or pattern holds: code tables, status and index entries, a consumer's session options,
// axios' config, an HTTP response's payload, in the walk's order.
import { advertisedDefaults } from "./advertised-defaults.ts";
import type { EsNode } from "./ast.ts";
import { axiosConfigTimeouts } from "./axios-configs.ts";
import { cacheLifetimes, webpackCacheDelays } from "./cache-settings.ts";
import { headerCodes, isCodeTable, recordCodes, statusEntries } from "./code-tables.ts";
import { fakeObjectNumbers, sampleObjectNumbers } from "./fake-objects.ts";
import { responsePayloads } from "./response-payloads.ts";
import type { FileFacts } from "./facts.ts";
import { groupSessions } from "./group-sessions.ts";
import { termIndexEntries } from "./term-index.ts";
import { headerEntries } from "./request-headers.ts";
import { severityPayloads } from "./severity-payloads.ts";
import { transitionProps } from "./transition-props.ts";

/** An object literal: its entries that are no durations, its session options, its axios config timeouts. */
export function collectObject(facts: FileFacts, node: EsNode): void {
  if (isCodeTable(node.properties as EsNode[], facts.extraTimeoutNames)) {
    for (const property of node.properties as EsNode[]) facts.notDurations.add(property);
  }
  for (const property of statusEntries(node.properties as EsNode[])) facts.notDurations.add(property);
  for (const property of recordCodes(node.properties as EsNode[])) facts.notDurations.add(property);
  for (const property of headerCodes(node.properties as EsNode[], facts.extraTimeoutNames))
    facts.notDurations.add(property);
  for (const property of fakeObjectNumbers(node.properties as EsNode[])) facts.notDurations.add(property);
  for (const property of sampleObjectNumbers(node.properties as EsNode[])) facts.notDurations.add(property);
  for (const property of termIndexEntries(node)) facts.notDurations.add(property);
  for (const property of cacheLifetimes(node)) facts.notDurations.add(property);
  for (const property of webpackCacheDelays(node)) facts.notDurations.add(property);
  for (const property of headerEntries(node)) facts.notDurations.add(property);
  for (const property of groupSessions(node)) facts.noWait.connectionSessions.add(property);
  for (const property of axiosConfigTimeouts(node)) facts.axiosConfigTimeouts.add(property);
  for (const range of advertisedDefaults(node)) facts.noWait.quietIn(range);
  for (const range of responsePayloads(node)) facts.noWait.quietIn(range);
  for (const range of severityPayloads(node)) facts.noWait.quietIn(range);
  for (const range of transitionProps(node)) facts.noWait.quietIn(range);
  facts.noWait.object(node);
  facts.timers.object(node);
  facts.machineDelays.object(node);
}

/** An object pattern: `({ groupId, sessionTimeout = 30000, heartbeatInterval = 3000 }) => ...`, a consumer's defaults. */
export function collectObjectPattern(facts: FileFacts, node: EsNode): void {
  for (const property of groupSessions(node)) facts.noWait.connectionSessions.add(property);
}
