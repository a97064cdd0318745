// What a 0 (or `false`) means where it is written: "no limit" only where the receiver says so, or where the
// file's own value flow shows that 0 keeps the timer from being armed. Anywhere else it is the receiver's
// business: Docker's `stop({ timeout: 0 })` kills at once, compose's adds no `-t` flag, piscina's idle 0
// reaps at once. None of those waits forever.
import { matchApi, type TimeoutApi } from "../../apis.ts";
import {
  calleePath,
  type EsNode,
  isFunction,
  isNode,
  propertyName,
  referenceName,
  requiredModule,
  span,
  unwrap,
} from "./ast.ts";

/** Calls whose last name arms a timer: `setTimeout(fn, ms)`, `timing.setTimeout(fn, ms)`, `socket.setTimeout(ms)`. */
const TIMER_METHOD = /(^|\.)(setTimeout|setInterval)$/;

/**
 * Calls that convert, clamp, merge or freeze a value and pass it on (`parseInt(t || 0, 10)`,
 * `Object.freeze({ ...options, waitQueueTimeoutMS: t ?? 0 })`, `utils.extend({ readTimeout: 0 }, ...)`): they
 * are not its receiver; where the result is stored decides.
 */
const CONVERSIONS =
  /^(Number|String|Boolean|parseInt|parseFloat|Number\.\w+|Math\.\w+)$|(^|\.)(assign|freeze|seal|extend|merge|mergeDeep|deepMerge|deepmerge|defaults|defaultsDeep|clone|cloneDeep)$/;

/** A schema's default (`Joi.number().default(0)`, `z.number().default(0)`): the code's own choice, not a call's option. */
export const SCHEMA_DEFAULT_CALL = /\.default$/;

/** A receiver that is itself a timeout (`Timeout.expires(ms)`, `createTimeout(ms)`), not a timer call. */
const TIMEOUT_RECEIVER = /timeout/i;
const TIMER_FUNCTIONS = /(^|\.)(set|clear)(Timeout|Interval)$/;

/** A comparison with 0 that tells "set" from "unset": `t > 0`, `t <= 0`, `t !== 0`, `0 < t`. */
const ZERO_TESTS = /^(>|>=|<|<=|===|!==|==|!=)$/;

/** One call argument that carries options or a fallback: where its values go. */
type ArgumentRange = { from: number; to: number; callee: string | undefined };

/**
 * Collected during the one walk (`FileFacts` hands it calls and tests): the call arguments values are
 * written in, the names the file tests for "set" (`if (t)`, `t > 0`), and the names it arms a timer with.
 */
export class ZeroFacts {
  /** Object and fallback arguments of calls, pre-order (an outer call's before the calls inside it). */
  private readonly argumentRanges: ArgumentRange[] = [];
  /** Names tested for being set: `if (this.connectionTimeout > 0)`, `if (!timeoutInMs) return`, `t ? arm(t) : none`. */
  private readonly tested = new Set<string>();
  /** Names a timer is armed with: `setTimeout(onTimeout, this.connectionTimeout)`, `socket.setTimeout(timeoutInMs)`. */
  private readonly armed = new Set<string>();
  /** Where a plain timer is armed with a local or parameter (`setTimeout(kill, timeout)`), by name. */
  private readonly armedLocals = new Map<string, number[]>();
  /** Where each name is tested for being set, by name. */
  private readonly testedAt = new Map<string, number[]>();
  /** Fields a timer is armed with directly (`setTimeout(kill, this.killTimeout)`): one object's setting, not a local. */
  private readonly armedFields = new Set<string>();
  /** [start, end) of class constructors: a field set to 0 there is its default, elsewhere a reset. */
  readonly constructors: [number, number][] = [];
  /** `const options = { timeout: 0, ...opts }`: objects held in a local, by name (resolved after the walk). */
  private readonly heldObjects: { name: string; from: number; to: number }[] = [];
  /** Locals passed whole to a call (`client.restart(container, options)`): the first callee each goes to. */
  private readonly passed = new Map<string, string | undefined>();
  /** Local names bound to a module or one of its exports: `Pool` → `undici.Pool`, `http` → `http` (`node:` dropped). */
  private readonly modules = new Map<string, string>();

  call(node: EsNode): void {
    const args = node.arguments as EsNode[];
    // `super({ timeout: init.timeout || 0 })`: the parent class, the code's own receiver.
    const callee = (node.callee as EsNode).type === "Super" ? "super" : calleePath(node.callee as EsNode);
    for (const raw of args) {
      const arg = unwrap(raw);
      if (arg.type === "Identifier" && !this.passed.has(arg.name as string))
        this.passed.set(arg.name as string, callee);
      const schemaDefault = arg.type === "Literal" && SCHEMA_DEFAULT_CALL.test(callee ?? "");
      if (
        schemaDefault ||
        arg.type === "ObjectExpression" ||
        arg.type === "LogicalExpression" ||
        arg.type === "ConditionalExpression"
      ) {
        const [from, to] = span(arg);
        this.argumentRanges.push({ from, to, callee });
      }
    }
    if (!TIMER_METHOD.test(callee ?? "")) return;
    // `setTimeout(fn, ms)` arms with its second argument, `socket.setTimeout(ms, fn)` with its first; a
    // callback's name among them is harmless (it is never tested for being set as a timeout).
    for (const arg of args.slice(0, 2)) {
      const value = unwrap(arg);
      if (isFunction(value) && value.type !== "Identifier") continue;
      this.addNames(this.armed, arg, 0);
    }
    // `setTimeout(kill, this.killTimeout)`: a timer's delay after its callback (0 fires at once); a socket's
    // `setTimeout(this.timeout)` takes its idle timeout first (0 switches it off).
    const delay = args[1] && unwrap(args[1]);
    if (args[0] && isFunction(unwrap(args[0])) && delay?.type === "Identifier")
      push(this.armedLocals, delay.name as string, span(delay)[0]);
    if (args[0] && isFunction(unwrap(args[0])) && delay?.type === "MemberExpression")
      this.addNames(this.armedFields, delay, 0);
  }

  /** `const options = { ... }`: an object that may be passed to a call later. */
  declarator(node: EsNode): void {
    const id = node.id as EsNode;
    const init = isNode(node.init) ? unwrap(node.init) : undefined;
    // Only per-call options merged with the caller's (`{ timeout: 0, ...options }`); a defaults table is the code's own.
    const merged =
      init?.type === "ObjectExpression" && (init.properties as EsNode[]).some((p) => p.type === "SpreadElement");
    if (id.type === "Identifier" && merged) {
      const [from, to] = span(init);
      this.heldObjects.push({ name: id.name as string, from, to });
    }
    // `const { Pool } = require("undici")`, `const http = require("node:http")`.
    const module = init ? requiredModule(init) : undefined;
    if (module !== undefined) this.bindModule(id, module);
  }

  /** `import { Pool } from "undici"`, `import * as http from "node:http"`, `import axios from "axios"`. */
  importDeclaration(node: EsNode): void {
    const module = String((node.source as EsNode).value);
    for (const specifier of node.specifiers as EsNode[]) {
      const local = (specifier.local as EsNode).name as string;
      const imported = specifier.type === "ImportSpecifier" ? referenceName(specifier.imported as EsNode) : undefined;
      this.modules.set(
        local,
        imported && imported !== "default" ? `${moduleName(module)}.${imported}` : moduleName(module),
      );
    }
  }

  private bindModule(id: EsNode, module: string): void {
    if (id.type === "Identifier") this.modules.set(id.name as string, moduleName(module));
    else if (id.type === "ObjectPattern")
      for (const property of id.properties as EsNode[]) {
        const value = property.type === "Property" ? unwrap(property.value as EsNode) : undefined;
        const key = property.type === "Property" ? propertyName(property) : undefined;
        if (value?.type === "Identifier" && key !== undefined)
          this.modules.set(value.name as string, `${moduleName(module)}.${key}`);
      }
  }

  /** A local name bound by an `import` or a `require` (`import { SECOND } from "./cronConstants.js"`). */
  isImported(name: string): boolean {
    return this.modules.has(name);
  }

  /** A callee as its module names it: `Pool` imported from undici is `undici.Pool`. */
  canonical(callee: string | undefined): string | undefined {
    if (callee === undefined) return undefined;
    const dot = callee.indexOf(".");
    const root = dot < 0 ? callee : callee.slice(0, dot);
    const module = this.modules.get(root);
    return module === undefined ? callee : module + (dot < 0 ? "" : callee.slice(dot));
  }

  /** The test of an `if`, a `? :` or the left side of `&&`. */
  test(raw: EsNode): void {
    this.addTested(raw, 0);
  }

  /** The innermost call argument (an options object or a fallback) around `at`, if any: the callee it goes to. */
  receiverAt(at: number): { callee: string | undefined } | undefined {
    for (let i = this.argumentRanges.length - 1; i >= 0; i--) {
      const range = this.argumentRanges[i]!;
      // `parseInt(options.connectTimeout || 0, 10)`: a conversion passes the value on to where it is stored.
      if (range.from <= at && at < range.to && !CONVERSIONS.test(range.callee ?? "")) return range;
    }
    // `const options = { timeout: 0, ...opts }; client.restart(container, options)`: passed on whole.
    for (let i = this.heldObjects.length - 1; i >= 0; i--) {
      const held = this.heldObjects[i]!;
      if (held.from <= at && at < held.to)
        return this.passed.has(held.name) ? { callee: this.passed.get(held.name) } : undefined;
    }
    return undefined;
  }

  /**
   * The file arms a timer with the field `name` without ever testing it for being set (`setTimeout(kill, this.killTimeout)`):
   * a 0 there fires at once, it is no "no limit".
   */
  firesAtOnce(name: string | undefined): boolean {
    return name !== undefined && this.armedFields.has(name) && !this.tested.has(name);
  }

  /**
   * A parameter or local that a plain timer takes as its delay inside `[from, to)` (its function) and that is never
   * tested there for being set: `function stop(kill, timeout = 0) { setTimeout(kill, timeout) }` kills at once.
   */
  firesAtOnceIn(name: string | undefined, [from, to]: [number, number]): boolean {
    if (name === undefined) return false;
    const inside = (at: number) => from <= at && at < to;
    return (this.armedLocals.get(name) ?? []).some(inside) && !(this.testedAt.get(name) ?? []).some(inside);
  }

  /** Whether `at` lies in a class constructor. */
  inConstructor(at: number): boolean {
    return this.constructors.some(([from, to]) => from <= at && at < to);
  }

  /** `super({ timeout: init.timeout || 0 })`: the code's own parent class takes the value, its own default. */
  isOwnReceiver(callee: string | undefined): boolean {
    return callee === "super";
  }

  /** The file tests `name` for being set and arms a timer with it: a 0 there means "no timer", no limit. */
  disables(name: string | undefined): boolean {
    return name !== undefined && this.tested.has(name) && this.armed.has(name);
  }

  private addTested(raw: EsNode, depth: number): void {
    if (depth > 3) return;
    const node = unwrap(raw);
    const name = referenceName(node);
    if (name !== undefined) {
      this.tested.add(name);
      push(this.testedAt, name, span(node)[0]);
      return;
    }
    if (node.type === "UnaryExpression" && node.operator === "!") this.addTested(node.argument as EsNode, depth + 1);
    else if (node.type === "LogicalExpression") {
      this.addTested(node.left as EsNode, depth + 1);
      this.addTested(node.right as EsNode, depth + 1);
    } else if (node.type === "BinaryExpression" && ZERO_TESTS.test(node.operator as string)) {
      const left = unwrap(node.left as EsNode);
      const right = unwrap(node.right as EsNode);
      if (isZero(right)) this.addTested(left, depth + 1);
      else if (isZero(left)) this.addTested(right, depth + 1);
    }
  }

  /** `timeoutInMs - offset`, `this.timeout * 1000`: the names a delay is computed from. */
  private addNames(set: Set<string>, raw: EsNode, depth: number): void {
    if (depth > 3) return;
    const node = unwrap(raw);
    const name = referenceName(node);
    if (name !== undefined) set.add(name);
    else if (node.type === "BinaryExpression" || node.type === "LogicalExpression") {
      this.addNames(set, node.left as EsNode, depth + 1);
      this.addNames(set, node.right as EsNode, depth + 1);
    }
  }
}

/** `node:http` → `http`; a package's own name otherwise (`undici`, `axios`). */
function moduleName(module: string): string {
  return module.replace(/^node:/, "");
}

function push(map: Map<string, number[]>, name: string, at: number): void {
  const list = map.get(name);
  if (list) list.push(at);
  else map.set(name, [at]);
}

function isZero(node: EsNode): boolean {
  return node.type === "Literal" && node.value === 0;
}

/**
 * What a 0 written for `callee` means: true "no limit", false a 0 ms timeout, undefined unknown (the
 * receiver decides, and nothing in the file says it waits forever).
 */
export function zeroMeaningOf(apis: readonly TimeoutApi[], callee: string | undefined): boolean | undefined {
  if (callee === undefined) return undefined;
  const api = matchApi(apis, "js", callee);
  if (api) return api.zeroIsUnbounded ?? true;
  // `Timeout.expires(opts.serverSelectionTimeoutMS ?? 0)`: a timeout object built from an unset value.
  return TIMEOUT_RECEIVER.test(callee) && !TIMER_FUNCTIONS.test(callee) ? true : undefined;
}
