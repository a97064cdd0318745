// Which module a local name is bound to (`import`, `require`): a callee as its module names it, so a receiver
// is known by what it is (`Pool` imported from undici is `undici.Pool`), not by what the file calls it.
import { type EsNode, isNode, propertyName, referenceName, requiredModule, unwrap } from "./ast.ts";

/** Local names bound to a module or one of its exports, collected during the one walk. */
export class ModuleBindings {
  /** Local names bound to a module or one of its exports: `Pool` → `undici.Pool`, `http` → `http` (`node:` dropped). */
  private readonly modules = new Map<string, string>();
  /** Local names bound to one of the package's own modules, by the specifier as written (`./options`). */
  private readonly ownModules = new Map<string, string>();

  /** `const { Pool } = require("undici")`, `const http = require("node:http")`. */
  declarator(node: EsNode): void {
    const id = node.id as EsNode;
    const init = isNode(node.init) ? unwrap(node.init) : undefined;
    const module = init ? (requiredModule(init) ?? this.wrappedModule(init)) : undefined;
    if (module !== undefined) this.bindModule(id, module);
  }

  /**
   * `var axiosBuilder__default = _interopDefaultLegacy(axiosBuilder)` (Rollup's CommonJS output, unofficial-jisho-api):
   * a bundler's interop helper handed a name already bound to a module binds the same module.
   */
  private wrappedModule(init: EsNode): string | undefined {
    if (init.type !== "CallExpression") return undefined;
    const callee = unwrap(init.callee as EsNode);
    const args = init.arguments as EsNode[];
    if (callee.type !== "Identifier" || !INTEROP_HELPER.test(callee.name as string) || args.length !== 1)
      return undefined;
    const wrapped = unwrap(args[0]!);
    return wrapped.type === "Identifier" ? this.modules.get(wrapped.name as string) : undefined;
  }

  /** `import { Pool } from "undici"`, `import * as http from "node:http"`, `import axios from "axios"`. */
  importDeclaration(node: EsNode): void {
    const module = String((node.source as EsNode).value);
    for (const specifier of node.specifiers as EsNode[]) {
      const local = (specifier.local as EsNode).name as string;
      if (OWN_MODULE.test(module)) this.ownModules.set(local, module);
      const imported = specifier.type === "ImportSpecifier" ? referenceName(specifier.imported as EsNode) : undefined;
      this.modules.set(
        local,
        imported && imported !== "default" ? `${moduleName(module)}.${imported}` : moduleName(module),
      );
    }
  }

  private bindModule(id: EsNode, module: string): void {
    if (OWN_MODULE.test(module))
      for (const local of id.type === "Identifier" ? [id] : id.type === "ObjectPattern" ? patternValues(id) : [])
        this.ownModules.set(local.name as string, module);
    if (id.type === "Identifier") this.modules.set(id.name as string, moduleName(module));
    else if (id.type === "ObjectPattern")
      for (const property of id.properties as EsNode[]) {
        const value = property.type === "Property" ? unwrap(property.value as EsNode) : undefined;
        const key = property.type === "Property" ? propertyName(property) : undefined;
        if (value?.type === "Identifier" && key !== undefined)
          this.modules.set(value.name as string, `${moduleName(module)}.${key}`);
      }
  }

  /**
   * The package module a path's root is bound to, as written (`./options` for `defaults.timeout` after `const defaults
   * = require("./options")`, or for `options_1.DEFAULTS`); undefined for another package's module or a local.
   */
  ownModuleOf(path: string): string | undefined {
    const dot = path.indexOf(".");
    return this.ownModules.get(dot < 0 ? path : path.slice(0, dot));
  }

  /** A local name bound by an `import` or a `require` (`import { SECOND } from "./cronConstants.js"`). */
  isImported(name: string): boolean {
    return this.modules.has(name);
  }

  /**
   * A callee as its module names it: `Pool` imported from undici is `undici.Pool`. A module's default export read
   * off its binding is the module itself: TypeScript's CommonJS output calls `import fetch from "node-fetch"` as
   * `(0, node_fetch_1.default)(url, config)` with `node_fetch_1 = __importDefault(require("node-fetch"))`.
   */
  canonical(callee: string | undefined): string | undefined {
    if (callee === undefined) return undefined;
    const dot = callee.indexOf(".");
    const root = dot < 0 ? callee : callee.slice(0, dot);
    const module = this.modules.get(root);
    if (module === undefined) return callee;
    const rest = dot < 0 ? "" : callee.slice(dot);
    return module + (rest === ".default" || rest.startsWith(".default.") ? rest.slice(".default".length) : rest);
  }

  /**
   * `(0, p_timeout_1.default)(signal, 100)` with `p_timeout_1 = __importDefault(require("p-timeout"))`: TypeScript's
   * CommonJS output of `pTimeout(signal, 100)` calls a module's default export, which its importers name after the
   * module in camel case (`pTimeout`), a module of the package after its file (`../utils/p-timeout`). Undefined for
   * anything but the `.default` of a name bound to a module.
   */
  defaultExportName(path: string): string | undefined {
    const dot = path.indexOf(".");
    if (dot < 0 || path.slice(dot) !== ".default") return undefined;
    let module = this.modules.get(path.slice(0, dot));
    // `require("../common/utils/p-timeout")` (rubic-sdk's own copy of p-timeout, fresh372): named after its file.
    if (module !== undefined && this.ownModules.has(path.slice(0, dot)))
      module = module.slice(module.lastIndexOf("/") + 1).replace(/\.[cm]?[jt]s$/, "");
    if (module === undefined || module === "index" || !/^[a-z][\w-]*$/i.test(module)) return undefined;
    return module.replace(/[-_]+([a-z0-9])/gi, (_, c: string) => c.toUpperCase());
  }
}

/** Bundlers' and compilers' helpers that wrap a required module (`_interopDefaultLegacy`, `__importDefault`, `__toESM`). */
const INTEROP_HELPER = /^_*(interop\w*|importDefault|importStar|toESM)$/i;

/** A module of the package itself: `./options`, `../lib/defaults.js`. */
const OWN_MODULE = /^\.\.?\//;

/** `{ a, b: c }`: the identifiers a destructuring binds at its top level. */
function patternValues(pattern: EsNode): EsNode[] {
  return (pattern.properties as EsNode[]).flatMap((property) => {
    const value = property.type === "Property" ? unwrap(property.value as EsNode) : undefined;
    return value?.type === "Identifier" ? [value] : [];
  });
}

/** `node:http` → `http`; a package's own name otherwise (`undici`, `axios`). */
function moduleName(module: string): string {
  return module.replace(/^node:/, "");
}
