// A webpack bundle's calls between its own modules: `(0, wait_for/* default */.A)(cond, 20 * 1000)` calls the
// function module 5156 exports as `A` (`__webpack_require__.d(__webpack_exports__, { A: () => waitFor })`), imported
// as `var wait_for = __webpack_require__(5156)`. Export names are mangled per module, so the call names the function
// only through the module's id: the callee is read as the function's own name (`waitFor`), as if called in place.
import { calleePath, type EsNode, isNode, propertyName, span, unwrap } from "./ast.ts";

/** A module's id as the bundle's module table keys it (`5156:`, `"./src/wait-for.js":`). */
type ModuleSpan = { from: number; to: number; id: string };

/** Collected during the one walk: module factories, their exports' local names, the bindings of required modules. */
export class WebpackModules {
  private readonly modules: ModuleSpan[] = [];
  /** Module id → export name → the local name it exports. */
  private readonly exports = new Map<string, Map<string, string>>();
  /** Local name → the id of the module it holds (`var wait_for = __webpack_require__(5156)`). */
  private readonly required = new Map<string, string>();

  /** `5156: (module, exports, __webpack_require__) => { ... }`: a module factory of the bundle's table. */
  property(node: EsNode): void {
    if (node.type !== "Property" || !isNode(node.value)) return;
    const value = unwrap(node.value as EsNode);
    if (value.type !== "ArrowFunctionExpression" && value.type !== "FunctionExpression") return;
    const params = value.params as EsNode[];
    const raw = node.key as EsNode;
    const key = raw.type === "Literal" && typeof raw.value === "number" ? String(raw.value) : propertyName(node);
    if (key === undefined || params.length === 0 || params.length > 3) return;
    if (!/^\d+$/.test(key) && !/^\.{0,2}\/.+\.[cm]?[jt]sx?$/.test(key)) return;
    const [from, to] = span(value);
    this.modules.push({ from, to, id: key });
  }

  /** `var wait_for = __webpack_require__(5156)`. */
  declarator(node: EsNode): void {
    const id = node.id as EsNode;
    const init = isNode(node.init) ? unwrap(node.init) : undefined;
    if (id.type !== "Identifier" || init?.type !== "CallExpression") return;
    const callee = unwrap(init.callee as EsNode);
    const arg = (init.arguments as EsNode[])[0];
    if (callee.type !== "Identifier" || callee.name !== "__webpack_require__" || arg?.type !== "Literal") return;
    this.required.set(id.name as string, String(arg.value));
  }

  /** `__webpack_require__.d(__webpack_exports__, { A: () => waitFor })`. */
  call(node: EsNode): void {
    if (calleePath(node.callee as EsNode) !== "__webpack_require__.d") return;
    const table = (node.arguments as EsNode[])[1];
    if (table === undefined || unwrap(table).type !== "ObjectExpression") return;
    const module = this.moduleAt(span(node)[0]);
    if (module === undefined) return;
    const names = this.exports.get(module.id) ?? new Map<string, string>();
    for (const property of unwrap(table).properties as EsNode[]) {
      const key = property.type === "Property" ? propertyName(property) : undefined;
      const getter = property.type === "Property" && isNode(property.value) ? unwrap(property.value) : undefined;
      const body = getter?.type === "ArrowFunctionExpression" ? unwrap(getter.body as EsNode) : undefined;
      if (key !== undefined && body?.type === "Identifier") names.set(key, body.name as string);
    }
    this.exports.set(module.id, names);
  }

  /** `wait_for.A` → `waitFor`: the local name of the function a bundle's module exports under that name. */
  exported(path: string): string | undefined {
    const dot = path.indexOf(".");
    if (dot < 0 || path.indexOf(".", dot + 1) >= 0) return undefined;
    const module = this.required.get(path.slice(0, dot));
    return module === undefined ? undefined : this.exports.get(module)?.get(path.slice(dot + 1));
  }

  /** The innermost module factory around a position (factories are not nested, so the last one found). */
  private moduleAt(at: number): ModuleSpan | undefined {
    for (let i = this.modules.length - 1; i >= 0; i--) {
      const module = this.modules[i]!;
      if (module.from <= at && at < module.to) return module;
    }
    return undefined;
  }
}
