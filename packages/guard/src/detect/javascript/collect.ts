// One node's facts: which facts each node type of the walk feeds, and in what order. A node type with several steps
// has them in its concern's file: calls (collect-calls.ts), what names are bound to (collect-definitions.ts), what
// the file tests and compares (collect-conditions.ts), what object literals hold (collect-objects.ts).
import { elementProps } from "./foreign-components.ts";
import { calleePath, type EsNode, isNode, span } from "./ast.ts";
import { collectCall, collectNew } from "./collect-calls.ts";
import { collectBinary, collectConditional, collectIf, collectLogical } from "./collect-conditions.ts";
import {
  collectAssignment,
  collectFunction,
  collectMethod,
  collectProperty,
  collectVariableDeclarator,
} from "./collect-definitions.ts";
import { collectObject, collectObjectPattern } from "./collect-objects.ts";
import { displayFields } from "./display-fields.ts";
import { collectBindings, collectBlock, collectDeclaration } from "./declarations.ts";
import type { FileFacts } from "./facts.ts";
import { overwrittenFields } from "./overwritten-fields.ts";
import { collectSqlText } from "./sql.ts";
import { collectExpectedFailure } from "./test-facts.ts";
import { TIMER_MODULES } from "./timers.ts";

/** One node's facts; a node type's steps run in this order (a later step may read an earlier one's). */
export function collectNode(facts: FileFacts, node: EsNode): void {
  facts.unreadDefaults.node(node);
  facts.unreadStores.node(node);
  facts.discardedReads.node(node);
  facts.ownWaits.node(node);
  facts.perCall.node(node);
  facts.racedCalls.node(node);
  facts.timers.fallbacks.node(node);
  facts.timers.lexical.node(node);
  facts.nullishFallbacks.node(node);
  facts.idleBudgets.node(node);
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
      collectCall(facts, node);
      return;
    case "NewExpression":
      collectNew(facts, node);
      return;
    case "FunctionDeclaration":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
      collectFunction(facts, node);
      return;
    case "CatchClause":
      facts.syncTests.bindings(node);
      collectBindings(facts, node);
      return;
    case "AssignmentExpression":
      collectAssignment(facts, node);
      facts.runnerContexts.assignment(node, calleePath(node.left as EsNode), (n) => facts.text(n));
      return;
    case "ExportDefaultDeclaration":
      facts.runnerContexts.exportDefault(node, (n) => facts.text(n));
      return;
    case "VariableDeclarator":
      collectVariableDeclarator(facts, node);
      return;
    case "Property":
    case "PropertyDefinition":
    case "AssignmentPattern":
      collectProperty(facts, node);
      return;
    case "LogicalExpression":
      collectLogical(facts, node);
      return;
    case "ConditionalExpression":
      collectConditional(facts, node);
      return;
    case "AccessorProperty":
    case "JSXAttribute":
    case "ReturnStatement":
      facts.sites.push(node);
      return;
    case "IfStatement":
      collectIf(facts, node);
      return;
    case "MethodDefinition":
      collectMethod(facts, node);
      return;
    case "ClassBody":
      facts.classBodies.push(span(node));
      for (const store of overwrittenFields(node, (n) => /\bthis\b/.test(facts.text(n)))) facts.notDurations.add(store);
      return;
    case "ClassDeclaration":
      if (isNode(node.id)) facts.noWait.doubles.definition(node.id.name as string, node);
      for (const range of displayFields(node)) facts.noWait.quietIn(range);
      return;
    case "ImportDeclaration":
      facts.modules.importDeclaration(node);
      if (TIMER_MODULES.test(String((node.source as EsNode).value))) {
        for (const specifier of node.specifiers as EsNode[])
          if (specifier.type !== "ImportSpecifier") facts.timerModules.add((specifier.local as EsNode).name as string);
      }
      return;
    case "ObjectExpression":
      collectObject(facts, node);
      return;
    case "ObjectPattern":
      collectObjectPattern(facts, node);
      return;
    case "BinaryExpression":
      collectBinary(facts, node);
      return;
    case "JSXOpeningElement":
      facts.noWait.element(node);
      facts.handProps(elementProps(node, facts.modules));
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
