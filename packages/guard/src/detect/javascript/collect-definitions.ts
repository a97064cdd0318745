// What a name is bound to: the facts a function, an assignment, a declarator, a property and a class method feed, in
// the walk's order (a later step may read an earlier one's).
import { optionFixtureTimeouts } from "./option-fixtures.ts";
import { pauseTableEntries } from "./pause-tables.ts";
import { destinationOf, type EsNode, isNode, propertyName, referenceName, span, unwrap } from "./ast.ts";
import { storedTimer } from "./call-facts.ts";
import { collectBindings, collectDeclarator } from "./declarations.ts";
import type { FileFacts } from "./facts.ts";
import { expiryDateNames } from "./expiry-dates.ts";
import { keepsOwnNoLimit, POINT_IN_TIME } from "./not-durations.ts";

/** A function declaration, expression or arrow: a declaration's name is defined first, then its body's facts. */
export function collectFunction(facts: FileFacts, node: EsNode): void {
  if (node.type === "FunctionDeclaration" && isNode(node.id)) {
    facts.timers.definition(node.id.name as string, node);
    facts.serverIdle.definition(node.id.name as string, node);
    facts.noWait.doubles.definition(node.id.name as string, node);
    facts.noWait.definition(node.id.name as string, node);
    facts.noLimit.definition(node.id.name as string, node);
    facts.deadlineHelpers.definition(node.id.name as string, node);
    facts.fallbackHelpers.definition(node.id.name as string, node);
    facts.deadCode.functionDeclaration(node);
    facts.zero.constructors.functionDeclaration(node.id.name as string, span(node));
    facts.mochaRunnables.functionDeclaration(node.id.name as string, node);
  }
  facts.functionSpans.push(span(node));
  facts.suiteThis.function(node);
  facts.bounds.floorParameters(node);
  facts.timers.function(node);
  facts.deadlines.function(node);
  facts.deadlineHelpers.function(node);
  facts.syncTests.bindings(node);
  collectBindings(facts, node);
}

/** `left = right` (and `+=`, ...): the name or member assigned is defined by its right side. */
export function collectAssignment(facts: FileFacts, node: EsNode): void {
  facts.sites.push(node);
  if (keepsOwnNoLimit(node, facts.source)) facts.notDurations.add(node);
  facts.timers.definition(referenceName(node.left as EsNode), node.right);
  for (const name of expiryDateNames(node)) facts.timers.expiry(name);
  facts.deadlineHelpers.definition(referenceName(node.left as EsNode), node.right);
  facts.deadlineHelpers.clock.assigned(referenceName(node.left as EsNode), node.right);
  if (node.operator === "=") facts.timers.copy(referenceName(node.left as EsNode), node.right);
  facts.serverlessTests.assignment(node);
  facts.mockClocks.assignment(node);
  storedTimer(facts, node.right);
  facts.deadlines.stored(node.left as EsNode, node.right);
  facts.timers.stored(node.left as EsNode, node.right);
  collectDestination(facts, node);
  facts.noWait.assignment(node);
  facts.held.assignment(node);
  facts.noLimit.assignment(node);
  facts.merges.stored(referenceName(node.left as EsNode), node.right);
  facts.noWait.doubles.binding(referenceName(node.left as EsNode), node.right);
  facts.syncTests.assignment(node);
  facts.zero.constructors.assignment(node.left as EsNode);
}

/** `const id = init` (or a destructuring pattern): a plain name is defined by its initializer. */
export function collectVariableDeclarator(facts: FileFacts, node: EsNode): void {
  facts.sites.push(node);
  for (const name of expiryDateNames(node)) facts.timers.expiry(name);
  const id = node.id as EsNode;
  if (id.type === "Identifier") {
    const name = id.name as string;
    facts.timers.definition(name, node.init);
    facts.timers.copy(name, node.init);
    facts.cutoffs.declarator(name, node.init);
    facts.serverlessTests.declarator(name, node.init);
    facts.serverIdle.definition(name, node.init);
    facts.noWait.doubles.definition(name, node.init);
    facts.noWait.doubles.binding(name, node.init);
    facts.noWait.definition(name, node.init);
    facts.noLimit.definition(name, node.init);
    facts.deadlineHelpers.definition(name, node.init);
    facts.deadlineHelpers.clock.assigned(name, node.init);
    facts.fallbackHelpers.definition(name, node.init);
    facts.noLimit.stored(name, node.init);
    facts.noLimit.built(name, node.init);
    facts.bounds.floorDefinition(node, facts.source);
    for (const property of pauseTableEntries(name, node.init)) facts.notDurations.add(property);
  }
  storedTimer(facts, node.init);
  facts.timers.setters.declarator(node);
  facts.deadlines.stored(id, node.init);
  facts.timers.stored(id, node.init);
  collectDestination(facts, node);
  collectDeclarator(facts, node);
  facts.receivers.declarator(node);
  facts.ignoredArguments.declarator(node);
  facts.modules.declarator(node);
  facts.webpack.declarator(node);
  if (id.type === "Identifier") facts.merges.stored(id.name as string, node.init);
  else facts.merges.destructured(id, node.init);
  facts.held.declarator(node);
  facts.mochaRunnables.declarator(node, (path) => facts.modules.canonical(path));
  facts.mockClocks.declarator(node);
  facts.syncTests.bindings(node);
  facts.noWait.declarator(node);
}

/** An object's `Property`, a class's `PropertyDefinition`, a default's `AssignmentPattern`. */
export function collectProperty(facts: FileFacts, node: EsNode): void {
  facts.sites.push(node);
  facts.webpack.property(node);
  if (node.type === "PropertyDefinition") facts.timers.definition(propertyName(node), node.value);
  // `function CopyButton({ timeout = TIMEOUT })`: the default copied into the parameter, judged by the parameter's uses.
  if (node.type === "AssignmentPattern") facts.timers.copy(referenceName(node.left as EsNode), node.right);
  if (node.type !== "AssignmentPattern") facts.noLimit.definition(propertyName(node), node.value);
  if (node.type !== "AssignmentPattern") facts.deadlineHelpers.definition(propertyName(node), node.value);
  // walletconnect's `CoreHelperUtil = { debounce(func, timeout = 500) { ... } }`: an object's own debounce or sleep.
  if (node.type === "Property") facts.noWait.definition(propertyName(node), node.value);
  if (node.type === "Property") facts.writtenOptions.candidate(node);
  for (const range of optionFixtureTimeouts(node)) facts.noWait.quietIn(range);
  collectDestination(facts, node);
}

/** A class's method (a constructor's span is kept for the zero rule). */
export function collectMethod(facts: FileFacts, node: EsNode): void {
  if (node.kind === "constructor") facts.zero.constructors.classConstructor(span(node));
  facts.held.method(node);
  facts.noWait.definition(propertyName(node), node.value);
  facts.timers.definition(propertyName(node), node.value);
  facts.noLimit.definition(propertyName(node), node.value);
  facts.deadlineHelpers.definition(propertyName(node), node.value);
}

function collectDestination(facts: FileFacts, node: EsNode): void {
  // `const bufferTimeout = opts.browserBufferTimeout || 1000`: a destination named like a timeout
  // but judged not one (a pacing delay, an expiry, a flag) decides for its value.
  const destination = destinationOf(node);
  if (!destination || !/timeout/i.test(destination.name)) return;
  if (!facts.isTimeout(destination.name)) facts.judgedBySite.add(unwrap(destination.value));
  facts.destinations.set(unwrap(destination.value), destination.name);
  // A field (`this.batchTimeout = ...`, a class field, an options key), not a local: a local `timeout` of one function
  // shares its name with every other function's.
  const field =
    node.type === "PropertyDefinition" ||
    node.type === "Property" ||
    (node.type === "AssignmentExpression" && (node.left as EsNode).type === "MemberExpression");
  if (field) facts.storedFallbacks.stored(destination.value, destination.name);
  if (POINT_IN_TIME.test(facts.text(destination.value))) facts.timestampNames.add(destination.name);
}
