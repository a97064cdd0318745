// What one pass over a Python file's nodes learns before any site is judged: scopes, imports, constants,
// sessions, Redis clients, clocks, delays, code lists and test doubles (questions about the file's text: file-text.ts).
import type { Node as TsNode } from "web-tree-sitter";
import { isPythonTimeoutName } from "../../names.ts";
import type { DetectorOptions } from "../types.ts";
import { Bindings, type Constant } from "./bindings.ts";
import { CodeLists } from "./code-lists.ts";
import { TestDoubles } from "./doubles.ts";
import { FileText } from "./file-text.ts";
import { isUnboundedSession, noteSession, sessionLibrary } from "./http.ts";
import { Imports } from "./imports.ts";
import { importedThrough, type Keeper, keeperOf, type PythonFacts } from "./package-keepers.ts";
import { makesRedisClient } from "./redis.ts";
import { Scopes } from "./scopes.ts";

export class PyFacts extends FileText {
  private readonly imports = new Imports();
  // Variables (or `self.x` attributes) holding a requests/httpx session without its own timeout, and its library.
  readonly sessions = new Map<string, "requests" | "httpx">();
  private readonly scopes = new Scopes();
  // Names bound per scope: constants, parameters' defaults, arithmetic assigned once.
  private readonly bindings = new Bindings(this.scopes);
  // Variables (or `self.x` attributes) holding a Redis client.
  readonly redisClients = new Set<string>();
  private readonly codeLists: CodeLists;
  // Assignments that are entries of a code list written as statements (`ER_LOCK_WAIT_TIMEOUT = 1205`).
  readonly codeStatements: ReadonlySet<number>;
  // `scope:name` of locals that hold a clock reading (`now = time.monotonic()`): `now + 5` is a deadline.
  readonly clockNames = new Set<string>();
  // `scope:name` of locals passed to a sleep (`time.sleep(timeout)`): delays, however they are named.
  readonly delayNames = new Set<string>();

  // Mocks, fakes, patched tests and in-process transports: where a timeout bounds nothing.
  readonly doubles = new TestDoubles(
    (node) => this.scopeOf(node),
    (dotted) => this.resolve(dotted),
  );

  constructor(options: DetectorOptions, source: string) {
    super(options, source);
    this.codeLists = new CodeLists(source, options.extraTimeoutNames);
    this.codeStatements = this.codeLists.statements;
  }

  // Learns the facts of `nodes` (a file's scan, in document order).
  collect(nodes: readonly TsNode[]): void {
    this.scopes.collect(nodes);
    // Names handed on as a timeout keyword's value (`wait(timeout=CONNECT_TIMEOUT)`).
    const timeoutArguments = new Set<string>();
    for (const node of nodes) {
      const type = node.type;
      if (type === "assignment") this.codeLists.noteAssignment(node);
      if (type === "keyword_argument") {
        const value = node.childForFieldName("value");
        const keyword = node.childForFieldName("name")?.text;
        if (value?.type === "identifier" && keyword && this.isTimeout(keyword)) timeoutArguments.add(value.text);
      }
      // `time.sleep(timeout)` then `timeout *= 2`: a backoff delay named like a timeout.
      if (type === "call" && /(^|\.)sleep$/.test(node.childForFieldName("function")?.text ?? "")) {
        const first = node.childForFieldName("arguments")?.namedChildren[0];
        if (first?.type === "identifier") this.delayNames.add(`${this.scopeOf(node)}:${first.text}`);
      }
      if (type === "import_statement" || type === "import_from_statement") this.imports.note(node);
      if (type === "assignment" || type === "augmented_assignment" || type === "for_statement")
        this.noteRebindings(node);
      if (type === "assignment") {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (left && (left.type === "identifier" || left.type === "attribute")) {
          const key = left.type === "identifier" ? `${this.scopeOf(node)}:${left.text}` : left.text;
          this.bindings.assignment(key, node);
          if (right) this.doubles.note(left, right);
          if (right) noteSession(this, left.text, right, this.bindings.assigned(`${this.scopeOf(node)}:${right.text}`));
          if (right?.type === "call" && makesRedisClient(this, right)) this.redisClients.add(left.text);
          if (left.type === "identifier" && right?.type === "call" && this.isClock(right)) this.clockNames.add(key);
        }
      }
      if (type === "with_item") {
        const value = node.childForFieldName("value");
        if (value?.type === "as_pattern") {
          const target = value.childForFieldName("alias") ?? value.namedChildren.at(-1);
          const source = value.namedChildren[0];
          const alias = target?.type === "as_pattern_target" ? target.namedChildren[0] : target;
          if (alias) this.bindings.rebinding(alias, source ?? null);
          if (source && target) this.doubles.note(target, source);
          if (source && target && isUnboundedSession(this, source)) {
            this.sessions.set(target.text.trim(), sessionLibrary(this, source));
          }
          if (source?.type === "call" && target && makesRedisClient(this, source))
            this.redisClients.add(target.text.trim());
        }
      }
      if (type === "parameters") this.doubles.noteParameters(node);
      if (type === "function_definition") this.doubles.noteFunction(node);
      if (type === "parameters" || type === "lambda_parameters") this.bindings.parameters(node);
    }
    this.codeLists.flush();
    this.codeLists.release(timeoutArguments);
    this.doubles.settle();
    this.bindings.settle();
  }

  // The bindings of `node` that are no plain assignment of one name (`Bindings.rebinding`): `x += d`, a tuple's
  // part (`a, x = ...`), a `for` loop's target.
  private noteRebindings(node: TsNode): void {
    const left = node.childForFieldName("left");
    if (!left) return;
    if (node.type === "for_statement") this.bindings.rebinding(left, null);
    else if (node.type === "augmented_assignment") this.bindings.rebinding(left, node.childForFieldName("right"));
    else if (/pattern_list|tuple|list/.test(left.type))
      for (const part of left.namedChildren) if (part) this.bindings.rebinding(part, null);
  }

  // What the file binds an identifier (in the scope it reads from) or an attribute (anywhere) to: `Bindings.sources`.
  bindingSources(target: TsNode): (TsNode | null)[] {
    return this.bindings.sources(target);
  }

  // A name bound by an import in this file (`httpx2` after `import httpx2` or `from x import httpx2`).
  isImported(name: string): boolean {
    return this.imports.has(name);
  }

  // `wx.SPLASH_TIMEOUT`, `wx.adv.SPLASH_TIMEOUT`: an attribute of a name bound by an import (another module's name).
  isImportedAttribute(node: TsNode): boolean {
    let object = node.childForFieldName("object");
    while (object?.type === "attribute") object = object.childForFieldName("object");
    return object?.type === "identifier" && this.imports.has(object.text);
  }

  // The file imports `module` or one of its submodules (`import pyvisa as visa`, `from pyvisa import ResourceManager`).
  importsModule(module: string): boolean {
    return this.imports.importsModule(module);
  }

  // What a module-level name is assigned, when it is assigned once (`HOST = "some_domain"`, `App = make_app(x)`).
  moduleValue(name: string): TsNode | undefined {
    const assigned = this.bindings.assigned(`0:${name}`);
    const only = assigned?.length === 1 ? assigned[0] : undefined;
    return only?.type === "assignment" ? (only.childForFieldName("right") ?? undefined) : undefined;
  }

  // The dotted path a written name stands for, through the file's imports: `rq.get` -> `requests.get`.
  // A name imported from a module of the package that imported it from elsewhere stands for that: `urlopen` after
  // `from .compat import urlopen` is `urllib.request.urlopen` (`importedThrough`).
  resolve(dotted: string): string {
    const resolved = this.imports.resolve(dotted);
    const { path, python } = this.options;
    if (!path || !python) return resolved;
    if (resolved[0] === ".") return importedThrough(python, path, resolved) || throughOwnAlias(python, path, resolved);
    return (
      (this.imports.importsModule(resolved.split(".")[0]!) && throughOwnModule(python, path, resolved)) || resolved
    );
  }

  // The class or function of another module of the package a written callee names (`Connection` after `from .conn
  // import Connection`), as the package pass found it; undefined without package facts or for a name not imported.
  packageKeeper(written: string): Keeper | undefined {
    const { path, python } = this.options;
    if (!path || !python) return undefined;
    if (this.imports.has(written.split(".")[0]!)) return keeperOf(python, path, this.resolve(written));
    // `from stomp.transport import *` then `Transport(...)`.
    for (const module of this.imports.stars) {
      const keeper = keeperOf(python, path, module.endsWith(".") ? `${module}${written}` : `${module}.${written}`);
      if (keeper) return keeper;
    }
    return undefined;
  }

  // The function (or lambda) a node is in, by its start offset; 0 for module level.
  scopeOf(node: TsNode): number {
    return this.scopes.of(node);
  }

  // The constant an identifier names in its scope (its function, else the module), if any.
  constant(node: TsNode): Constant | undefined {
    return this.bindings.constant(node);
  }

  // The numeric default of the parameter an identifier names, when its function never assigns it again
  // (`def connection_busy_timeout(connection, duration_ms: int = 100): connection.set_busy_timeout(duration_ms)`).
  parameterDefault(node: TsNode): TsNode | undefined {
    return this.bindings.parameterDefault(node);
  }

  // The literal tuple a loop variable runs over (`for timeout in (0, 0.001, 2): with fail_after(timeout)`).
  loopTuple(node: TsNode): TsNode | undefined {
    return this.bindings.loopTuple(node);
  }

  // The arithmetic an identifier was assigned once in its scope, when it is no constant (`1.0 / len(alive)`).
  arithmetic(node: TsNode): TsNode | undefined {
    return this.bindings.arithmetic(node);
  }

  // An identifier whose every binding in its scope is a call's result or arithmetic (`n = len(items)`).
  isComputed(node: TsNode): boolean {
    return this.bindings.computed(node);
  }

  // The number an expression folds to, with this file's constants.
  evaluate(node: TsNode): number | undefined {
    return this.bindings.evaluate(node);
  }

  // A timeout's name, numbered ones too (`TIMEOUT1, TIMEOUT2 = 0.82, 0.35`), and Vim's `timeoutlen`/`ttimeoutlen`.
  isTimeout(name: string | undefined): name is string {
    if (name === undefined) return false;
    const extra = this.options.extraTimeoutNames;
    // `time_out=60`, `SERVER_DELETE_TIME_OUT`: the snake-case words "time" and "out" are the one word "timeout".
    const base = name.replace(/_?\d+$/, "").replace(/(?<=timeout)_?len$/i, "");
    return isPythonTimeoutName(name, extra) || (base !== name && isPythonTimeoutName(base, extra));
  }

  // A dict that is a code list (`{"noCursorTimeout": 16, ...}`) or a set of names (`{"connect_timeout": 1, ...}`).
  isCodeTable(dict: TsNode): boolean {
    return this.codeLists.isTable(dict);
  }
}

// `..utils.asyncio.asyncio_timeout.timeout` where snitun's `utils/asyncio.py` binds `asyncio_timeout = asyncio` (or
// `import asyncio as asyncio_timeout`): the module that name stands for, and what is read off it (`asyncio.timeout`).
function throughOwnAlias(python: PythonFacts, path: string, resolved: string): string {
  // Only a plain dotted path (`..utils.asyncio.asyncio_timeout.timeout`): a written callee may be any expression.
  const match = /^(\.+)(\w+(?:\.\w+)+)$/.exec(resolved);
  if (!match) return resolved;
  const [, dots, rest] = match;
  const parts = rest!.split(".");
  for (let end = parts.length - 1; end >= 1; end--) {
    const through = importedThrough(python, path, dots + parts.slice(0, end).join("."));
    if (through) return [through, ...parts.slice(end)].join(".");
  }
  return resolved;
}

// `csb.io.urllib.urlopen` where the package's own `csb/io/__init__.py` has `import urllib.request as urllib`: the
// module the package re-exports (`urllib.request.urlopen`); `aiohomekit.utils.asyncio_timeout` where the package's
// `aiohomekit/utils.py` has `from async_timeout import timeout as asyncio_timeout` (`async_timeout.timeout`). Only a
// path whose first part is a folder the file sits in (the package's own module, as `ownPackageName` asks), a module
// and a name after it.
function throughOwnModule(python: PythonFacts, path: string, resolved: string): string | undefined {
  const parts = resolved.split(".");
  if (parts.length < 2 || !path.split(/[\\/]/).slice(0, -1).includes(parts[0]!)) return undefined;
  for (let end = parts.length; end >= 2; end--) {
    const through = importedThrough(python, path, parts.slice(0, end).join("."));
    if (through) return [through, ...parts.slice(end)].join(".");
  }
  return undefined;
}
