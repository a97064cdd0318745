import type { Node as TsNode } from "web-tree-sitter";

// What each name a file imports stands for: `rq` -> `requests`, `get` -> `requests.get`.
export class Imports {
  // Local name -> dotted path it stands for.
  private readonly names = new Map<string, string>();
  // Every module an import statement names (`import os, pyvisa`, `from pyvisa.constants import *`), as written.
  private readonly modules = new Set<string>();
  // Modules imported with `from m import *`, as written.
  readonly stars: string[] = [];

  // Records an `import_statement` or `import_from_statement` (collect phase, in document order).
  note(node: TsNode): void {
    if (node.type === "import_statement") {
      for (const child of node.namedChildren) {
        if (child?.type === "dotted_name") {
          this.names.set(child.text, child.text);
          this.modules.add(child.text);
        }
        if (child?.type === "aliased_import") {
          const name = child.childForFieldName("name")?.text;
          const alias = child.childForFieldName("alias")?.text;
          if (name && alias) this.names.set(alias, name);
          if (name) this.modules.add(name);
        }
      }
    }
    if (node.type === "import_from_statement") {
      const module = node.childForFieldName("module_name")?.text;
      if (module) this.modules.add(module);
      if (module && node.namedChildren.some((child) => child?.type === "wildcard_import")) this.stars.push(module);
      for (const child of node.childrenForFieldName("name")) {
        if (!child || !module) continue;
        // `from . import conn`: `conn` is `.conn` (the module's dots are its own path).
        const prefix = module.endsWith(".") ? module : `${module}.`;
        if (child.type === "dotted_name") this.names.set(child.text, `${prefix}${child.text}`);
        if (child.type === "aliased_import") {
          const name = child.childForFieldName("name")?.text;
          const alias = child.childForFieldName("alias")?.text;
          if (name && alias) this.names.set(alias, `${prefix}${name}`);
        }
      }
    }
  }

  // A name bound by an import in this file (`httpx2` after `import httpx2` or `from x import httpx2`).
  has(name: string): boolean {
    return this.names.has(name);
  }

  // The file imports `module` or one of its submodules, under any name (`import pyvisa as visa`, `from pyvisa import *`).
  importsModule(module: string): boolean {
    for (const imported of this.modules) if (imported === module || imported.startsWith(`${module}.`)) return true;
    return false;
  }

  // The dotted path a written name stands for, through the file's imports: `rq.get` -> `requests.get`.
  // asyncio's package re-exports its submodules' public names (`from .timeouts import *`): `from asyncio.timeouts import
  // timeout` is `asyncio.timeout`, `asyncio.tasks.wait_for` is `asyncio.wait_for`.
  resolve(dotted: string): string {
    const [head, ...rest] = dotted.split(".");
    const target = head === undefined ? undefined : this.names.get(head);
    const path = target ? [target, ...rest].join(".") : dotted;
    return path.replace(ASYNCIO_SUBMODULE, "asyncio.");
  }
}

const ASYNCIO_SUBMODULE = /^asyncio\.(tasks|timeouts|locks|queues|streams|subprocess)\.(?=\w+$)/;
