// One node's facts: which facts each node type of the walk feeds, and in what order.
import { destinationOf, type EsNode, isNode, propertyName, referenceName, span, unwrap } from "./ast.ts";
import { axiosConfigTimeouts } from "./axios-configs.ts";
import { collectCallFacts, storedTimer } from "./call-facts.ts";
import { collectBindings, collectBlock, collectDeclaration, collectDeclarator } from "./declarations.ts";
import type { FileFacts } from "./facts.ts";
import { evictionNames } from "./expiries.ts";
import { groupSessions } from "./group-sessions.ts";
import { isCodeTable, statusEntries } from "./code-tables.ts";
import { backoffBase, infinityRespelling, keepsOwnNoLimit, POINT_IN_TIME } from "./not-durations.ts";
import { collectSqlText } from "./sql.ts";
import { sphinxIndexEntries, termIndexEntries } from "./term-index.ts";
import { collectExpectedFailure, collectRefusedPromise, collectTestCall } from "./test-facts.ts";
import { TIMER_MODULES } from "./timers.ts";

/** One node's facts; a node type's steps run in this order (a later step may read an earlier one's). */
export function collectNode(facts: FileFacts, node: EsNode): void {
  facts.unreadDefaults.node(node);
  facts.ownWaits.node(node);
  facts.racedCalls.node(node);
  switch (node.type) {
    case "Identifier":
      facts.expected.identifier(node);
      return;
    case "TryStatement":
      collectExpectedFailure(facts, node);
      return;
    case "Literal":
      if (typeof node.value === "string") collectSqlText(facts, node);
      return;
    case "TemplateLiteral":
      facts.bounds.template(node);
      return;
    case "TemplateElement":
      collectSqlText(facts, node);
      return;
    case "AwaitExpression":
      facts.zero.awaited(node.argument);
      return;
    case "CallExpression":
      facts.sites.push(node);
      collectTestCall(facts, node);
      collectRefusedPromise(facts, node);
      facts.testContexts.call(node, (path) => facts.modules.canonical(path));
      collectCallFacts(facts, node);
      for (const entry of sphinxIndexEntries(node)) facts.notDurations.add(entry);
      facts.noWait.call(node);
      facts.receivers.call(node);
      facts.zero.call(node);
      facts.held.call(node);
      facts.timers.call(node);
      facts.serverIdle.call(node);
      facts.deadlines.call(node);
      facts.bounds.logged(node);
      facts.deadlineHelpers.call(node);
      facts.noLimit.call(node);
      facts.merges.call(node);
      facts.signalDeadlines.call(node);
      facts.mockClocks.call(node);
      facts.syncTests.call(node);
      facts.callRecords.call(node);
      return;
    case "NewExpression":
      facts.sites.push(node);
      collectCallFacts(facts, node);
      facts.noWait.call(node);
      facts.receivers.call(node);
      facts.zero.call(node);
      facts.held.call(node);
      facts.timers.call(node);
      facts.deadlines.call(node);
      facts.noLimit.call(node);
      facts.syncTests.call(node);
      return;
    case "FunctionDeclaration":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
      if (node.type === "FunctionDeclaration" && isNode(node.id)) {
        facts.timers.definition(node.id.name as string, node);
        facts.serverIdle.definition(node.id.name as string, node);
        facts.noWait.doubles.definition(node.id.name as string, node);
        facts.noLimit.definition(node.id.name as string, node);
        facts.deadlineHelpers.definition(node.id.name as string, node);
        facts.fallbackHelpers.definition(node.id.name as string, node);
        facts.deadCode.functionDeclaration(node);
      }
      facts.functionSpans.push(span(node));
      facts.bounds.floorParameters(node);
      facts.timers.function(node);
      facts.deadlines.function(node);
      facts.deadlineHelpers.function(node);
      facts.syncTests.bindings(node);
      collectBindings(facts, node);
      return;
    case "CatchClause":
      facts.syncTests.bindings(node);
      collectBindings(facts, node);
      return;
    case "AssignmentExpression":
      facts.sites.push(node);
      if (keepsOwnNoLimit(node, facts.source)) facts.notDurations.add(node);
      facts.timers.definition(referenceName(node.left as EsNode), node.right);
      facts.deadlineHelpers.definition(referenceName(node.left as EsNode), node.right);
      if (node.operator === "=") facts.timers.copy(referenceName(node.left as EsNode), node.right);
      storedTimer(facts, node.right);
      facts.deadlines.stored(node.left as EsNode, node.right);
      collectDestination(facts, node);
      facts.noWait.assignment(node);
      facts.held.assignment(node);
      facts.noLimit.assignment(node);
      facts.merges.stored(referenceName(node.left as EsNode), node.right);
      facts.noWait.doubles.binding(referenceName(node.left as EsNode), node.right);
      facts.syncTests.assignment(node);
      return;
    case "VariableDeclarator":
      facts.sites.push(node);
      if ((node.id as EsNode).type === "Identifier") {
        facts.timers.definition((node.id as EsNode).name as string, node.init);
        facts.timers.copy((node.id as EsNode).name as string, node.init);
        facts.serverIdle.definition((node.id as EsNode).name as string, node.init);
        facts.noWait.doubles.definition((node.id as EsNode).name as string, node.init);
        facts.noWait.doubles.binding((node.id as EsNode).name as string, node.init);
        facts.noLimit.definition((node.id as EsNode).name as string, node.init);
        facts.deadlineHelpers.definition((node.id as EsNode).name as string, node.init);
        facts.fallbackHelpers.definition((node.id as EsNode).name as string, node.init);
        facts.noLimit.stored((node.id as EsNode).name as string, node.init);
        facts.noLimit.built((node.id as EsNode).name as string, node.init);
        facts.bounds.floorDefinition(node, facts.source);
      }
      storedTimer(facts, node.init);
      facts.deadlines.stored(node.id as EsNode, node.init);
      collectDestination(facts, node);
      collectDeclarator(facts, node);
      facts.receivers.declarator(node);
      facts.modules.declarator(node);
      if ((node.id as EsNode).type === "Identifier") facts.merges.stored((node.id as EsNode).name as string, node.init);
      else facts.merges.destructured(node.id as EsNode, node.init);
      facts.held.declarator(node);
      facts.mochaRunnables.declarator(node, (path) => facts.modules.canonical(path));
      facts.mockClocks.declarator(node);
      facts.syncTests.bindings(node);
      return;
    case "Property":
    case "PropertyDefinition":
    case "AssignmentPattern":
      facts.sites.push(node);
      if (node.type === "PropertyDefinition") facts.timers.definition(propertyName(node), node.value);
      if (node.type !== "AssignmentPattern") facts.noLimit.definition(propertyName(node), node.value);
      if (node.type !== "AssignmentPattern") facts.deadlineHelpers.definition(propertyName(node), node.value);
      collectDestination(facts, node);
      return;
    case "LogicalExpression":
      // `t && arm(t)`: the left side is tested for being set.
      if (node.operator === "&&") facts.zero.test(node.left as EsNode);
      facts.deadCode.logical(node);
      facts.sites.push(node);
      return;
    case "ConditionalExpression":
      facts.zero.test(node.test as EsNode);
      facts.sites.push(node);
      return;
    case "AccessorProperty":
    case "JSXAttribute":
    case "ReturnStatement":
      facts.sites.push(node);
      return;
    case "IfStatement": {
      // `if (t === Infinity || t < 0) t = 0`: the caller's "no limit" re-spelled for a driver, not chosen here.
      facts.zero.ifStatement(node);
      facts.zero.test(node.test as EsNode);
      facts.deadCode.ifStatement(node);
      const respelled = infinityRespelling(node, facts.source);
      if (respelled) facts.notDurations.add(respelled);
      for (const name of evictionNames(node)) facts.timers.expiry(name);
      facts.bounds.clamp(node, facts.source);
      const test = facts.text(node.test as EsNode);
      if (/\b(undefined|null)\b/.test(test)) facts.configuredGuards.push([...span(node.consequent as EsNode), test]);
      return;
    }
    case "MethodDefinition":
      if (node.kind === "constructor") facts.zero.constructors.push(span(node));
      facts.held.method(node);
      facts.timers.definition(propertyName(node), node.value);
      facts.noLimit.definition(propertyName(node), node.value);
      facts.deadlineHelpers.definition(propertyName(node), node.value);
      return;
    case "ClassBody":
      facts.classBodies.push(span(node));
      return;
    case "ClassDeclaration":
      if (isNode(node.id)) facts.noWait.doubles.definition(node.id.name as string, node);
      return;
    case "ImportDeclaration":
      facts.modules.importDeclaration(node);
      if (TIMER_MODULES.test(String((node.source as EsNode).value))) {
        for (const specifier of node.specifiers as EsNode[])
          if (specifier.type !== "ImportSpecifier") facts.timerModules.add((specifier.local as EsNode).name as string);
      }
      return;
    case "ObjectExpression":
      if (isCodeTable(node.properties as EsNode[], facts.extraTimeoutNames)) {
        for (const property of node.properties as EsNode[]) facts.notDurations.add(property);
      }
      for (const property of statusEntries(node.properties as EsNode[])) facts.notDurations.add(property);
      for (const property of termIndexEntries(node)) facts.notDurations.add(property);
      for (const property of groupSessions(node)) facts.noWait.connectionSessions.add(property);
      for (const property of axiosConfigTimeouts(node)) facts.axiosConfigTimeouts.add(property);
      facts.noWait.object(node);
      facts.timers.object(node);
      return;
    case "ObjectPattern":
      // `({ groupId, sessionTimeout = 30000, heartbeatInterval = 3000 }) => ...`: a consumer's option defaults.
      for (const property of groupSessions(node)) facts.noWait.connectionSessions.add(property);
      return;
    case "BinaryExpression":
      facts.noWait.comparison(node);
      facts.noLimit.comparison(node);
      facts.zero.deadline(node, (side) => facts.noLimit.isClock(side));
      facts.bounds.binary(node, (name) => facts.isTimeout(name));
      if (node.operator === "+") {
        const base = backoffBase(node);
        if (base !== undefined) facts.backoffs.add(base);
      }
      return;
    case "JSXOpeningElement":
      facts.noWait.element(node);
      return;
    case "Program":
    case "BlockStatement":
    case "StaticBlock":
      collectBlock(facts, node);
      return;
    case "MemberExpression":
      facts.merges.member(node);
      // A compiled TypeScript enum: `E[E["NetworkTimeout"] = 89] = "NetworkTimeout"`.
      if (node.computed && (node.property as EsNode).type === "AssignmentExpression")
        facts.notDurations.add(node.property as EsNode);
      return;
    case "VariableDeclaration":
      collectDeclaration(facts, node);
      return;
    case "ExpressionStatement":
      facts.syncTests.statement(node);
      return;
  }
}

function collectDestination(facts: FileFacts, node: EsNode): void {
  // `const bufferTimeout = opts.browserBufferTimeout || 1000`: a destination named like a timeout
  // but judged not one (a pacing delay, an expiry, a flag) decides for its value.
  const destination = destinationOf(node);
  if (!destination || !/timeout/i.test(destination.name)) return;
  if (!facts.isTimeout(destination.name)) facts.judgedBySite.add(unwrap(destination.value));
  facts.destinations.set(unwrap(destination.value), destination.name);
  if (POINT_IN_TIME.test(facts.text(destination.value))) facts.timestampNames.add(destination.name);
}
