// Props handed to another package's UI component: `<CopyButton value={url} timeout={1500}>` with `CopyButton`
// imported from `@mantine/core`, or its compiled form `jsx(CopyButton, { value: url, timeout: 1500 })` (likec4). The
// value is an input the component renders with (how long "copied" shows, a tooltip's open delay, a transition's
// length); the code that writes it makes no wait with it, and a component's own timers are its package's. The
// evidence is the consumer: a JSX element or a `jsx`/`jsxs`/`createElement` call whose component is bound by an
// `import`/`require` of another package (a relative module's component is the package's own, still judged). Only a
// prop's own value is covered: a callback prop (`onClick: () => fetch(url, { timeout: 5000 })`) runs here.
// In a test file the package's own components are covered too (`FileFacts.handProps`, released in facts-finish.ts): a test renders its
// test app with inputs (`<AsyncChildrenApp timeout={30}>`, how long the app waits before it renders its children,
// @wix/unidriver-common, fresh280); the component's own code, where its props become waits, is judged in its file.
import { calleePath, type EsNode, FUNCTION_TYPES, isNode, span, unwrap } from "./ast.ts";
import type { ModuleBindings } from "./modules.ts";

/** `jsx`, `jsxs`, `jsxDEV`, `_jsx` (react/jsx-runtime, compiled), `React.createElement`, `(0, jsx_runtime_1.jsx)`. */
export const JSX_CALL = /(^|\.)(_?jsxs?|jsxDEV|createElement)$/;

/** A component's name: `CopyButton`, `Mantine.Tooltip` (lower-case names are DOM elements). */
const COMPONENT = /(^|\.)[A-Z][\w$]*$/;

/** Values that run code here (a callback, or an object or call that may hold one): not covered. */
const RUNS_HERE = new Set([
  "ObjectExpression",
  "ArrayExpression",
  "CallExpression",
  "NewExpression",
  ...FUNCTION_TYPES,
]);

/** The prop values handed to a component, and whether it is bound to another package (else it is the file's own). */
export interface HandedProps {
  foreign: boolean;
  spans: [number, number][];
}

/** Whether `path` names a component bound to another package (`import { CopyButton } from "@mantine/core"`). */
function foreign(path: string, modules: ModuleBindings): boolean {
  const root = path.split(".")[0]!;
  return modules.isImported(root) && modules.ownModuleOf(path) === undefined;
}

/** The prop values a compiled JSX call hands to a component (undefined for a DOM element or another call). */
export function callProps(node: EsNode, modules: ModuleBindings): HandedProps | undefined {
  const args = node.arguments as EsNode[];
  if (node.type !== "CallExpression" || args.length < 2) return undefined;
  // A minifier's rename (`import { jsx as e } from "react/jsx-runtime"` then `e(P, { timeout: 350 })`, @arcblock/ux)
  // is read as the import it stands for.
  const callee = calleePath(node.callee as EsNode);
  if (!JSX_CALL.test(callee ?? "") && !JSX_CALL.test(modules.canonical(callee) ?? "")) return undefined;
  const component = calleePath(args[0]!);
  const props = unwrap(args[1]!);
  if (component === undefined || !COMPONENT.test(component) || props.type !== "ObjectExpression") return undefined;
  const spans = (props.properties as EsNode[]).flatMap((property) =>
    property.type === "Property" && isNode(property.value) && !RUNS_HERE.has(unwrap(property.value).type)
      ? [span(property.value)]
      : [],
  );
  return { foreign: foreign(component, modules), spans };
}

/** The attribute values a JSX element hands to a component (undefined for a DOM element). */
export function elementProps(node: EsNode, modules: ModuleBindings): HandedProps | undefined {
  const component = jsxName(node.name as EsNode);
  if (component === undefined || !COMPONENT.test(component)) return undefined;
  const spans = (node.attributes as EsNode[]).flatMap((attribute): [number, number][] => {
    const value = attribute.type === "JSXAttribute" && isNode(attribute.value) ? attribute.value : undefined;
    if (value?.type !== "JSXExpressionContainer" || !isNode(value.expression)) return [];
    return RUNS_HERE.has(unwrap(value.expression).type) ? [] : [span(value.expression)];
  });
  return { foreign: foreign(component, modules), spans };
}

/** `CopyButton`, `Mantine.Tooltip`: a JSX element's name as a path (undefined for a namespaced name). */
function jsxName(node: EsNode): string | undefined {
  if (node.type === "JSXIdentifier") return node.name as string;
  if (node.type !== "JSXMemberExpression") return undefined;
  const object = jsxName(node.object as EsNode);
  return object === undefined ? undefined : `${object}.${(node.property as EsNode).name as string}`;
}
