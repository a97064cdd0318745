// Which call takes a value written in one of its arguments: an options object or a fallback goes to its callee,
// and a local holding merged options goes to the first call it is passed to whole. The callee then says what the
// value means (`zero.ts`: what a 0 means to it).
import { calleePath, type EsNode, isNode, span, unwrap } from "./ast.ts";

/**
 * Calls that convert, clamp, merge or freeze a value and pass it on (`parseInt(t || 0, 10)`,
 * `Object.freeze({ ...options, waitQueueTimeoutMS: t ?? 0 })`, `utils.extend({ readTimeout: 0 }, ...)`): they
 * are not its receiver; where the result is stored decides.
 */
const CONVERSIONS =
  /^(Number|String|Boolean|parseInt|parseFloat|Number\.\w+|Math\.\w+)$|(^|\.)(assign|freeze|seal|extend|merge|mergeDeep|deepMerge|deepmerge|defaults|defaultsDeep|clone|cloneDeep)$/;

/** A schema's default (`Joi.number().default(0)`, `z.number().default(0)`): the code's own choice, not a call's option. */
export const SCHEMA_DEFAULT_CALL = /\.default$/;

/** One call argument that carries options or a fallback: where its values go. */
type ArgumentRange = { from: number; to: number; callee: string | undefined };

/** Collected during the one walk (`FileFacts` hands it calls and declarators): the call arguments values are written in. */
export class Receivers {
  /** Object and fallback arguments of calls, pre-order (an outer call's before the calls inside it). */
  private readonly argumentRanges: ArgumentRange[] = [];
  /** `const options = { timeout: 0, ...opts }`: objects held in a local, by name (resolved after the walk). */
  private readonly heldObjects: { name: string; from: number; to: number }[] = [];
  /** `const options = { connectionTimeout: 0 }`: every object held in a local, merged or not (see `heldBy`). */
  private readonly objects: { name: string; from: number; to: number }[] = [];
  /** Locals passed whole to a call (`client.restart(container, options)`): the first callee each goes to. */
  private readonly passed = new Map<string, string | undefined>();

  call(node: EsNode): void {
    const args = node.arguments as EsNode[];
    // `super({ timeout: init.timeout || 0 })`: the parent class, the code's own receiver.
    const callee =
      (node.callee as EsNode).type === "Super"
        ? "super"
        : (choiceCallee(node.callee as EsNode) ?? calleePath(node.callee as EsNode));
    for (const raw of args) {
      const arg = unwrap(raw);
      if (arg.type === "Identifier") this.pass(arg.name as string, callee);
      // `defineConfig({ ...defaultConfig, ...config })`: a local spread into the options goes to the call whole.
      if (arg.type === "ObjectExpression")
        for (const property of arg.properties as EsNode[])
          if (property.type === "SpreadElement" && isNode(property.argument)) {
            const spread = unwrap(property.argument);
            if (spread.type === "Identifier") this.pass(spread.name as string, callee);
          }
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
  }

  /** Records the first call a local goes to whole. */
  private pass(name: string, callee: string | undefined): void {
    if (!this.passed.has(name)) this.passed.set(name, callee);
  }

  /** `const options = { ... }`: an object that may be passed to a call later. */
  declarator(node: EsNode): void {
    const id = node.id as EsNode;
    const init = isNode(node.init) ? unwrap(node.init) : undefined;
    // Only per-call options merged with the caller's (`{ timeout: 0, ...options }`); a defaults table is the code's own.
    const merged =
      init?.type === "ObjectExpression" && (init.properties as EsNode[]).some((p) => p.type === "SpreadElement");
    if (id.type !== "Identifier" || init?.type !== "ObjectExpression") return;
    const [from, to] = span(init);
    if (merged) this.heldObjects.push({ name: id.name as string, from, to });
    this.objects.push({ name: id.name as string, from, to });
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
   * The innermost call argument around `at` whose callee is named like a merge (`test.extend({ ... })`): Playwright's
   * `test.extend` takes a fixture's own options, so `meaning.ts` asks whether the guard knows it before passing it over.
   */
  mergeAt(at: number): string | undefined {
    for (let i = this.argumentRanges.length - 1; i >= 0; i--) {
      const range = this.argumentRanges[i]!;
      if (range.from <= at && at < range.to) return CONVERSIONS.test(range.callee ?? "") ? range.callee : undefined;
    }
    return undefined;
  }

  /**
   * The call an object held in a local is passed to whole (`const options = { connectionTimeout: 0 };
   * Fastify(options)`), for any object (a defaults table too): where its values go, when the file shows it.
   */
  heldBy(at: number): string | undefined {
    for (let i = this.objects.length - 1; i >= 0; i--) {
      const held = this.objects[i]!;
      if (held.from <= at && at < held.to) return this.passed.get(held.name);
    }
    return undefined;
  }

  /** The first call a local is passed to whole (`this.changeVisibilityTimeout(message, timeout)`), if any. */
  passedTo(name: string | undefined): string | undefined {
    return name === undefined ? undefined : this.passed.get(name);
  }

  /** `super({ timeout: init.timeout || 0 })`: the code's own parent class takes the value, its own default. */
  isOwnReceiver(callee: string | undefined): boolean {
    return callee === "super";
  }
}

/**
 * `(secure ? https : http).request(options)`: a method of one of two objects the code chooses between, written
 * `(https|http).request` (`knownMeaning` asks both; a callee nobody knows stays unknown).
 */
function choiceCallee(node: EsNode): string | undefined {
  const callee = unwrap(node);
  if (callee.type !== "MemberExpression" || callee.computed) return undefined;
  const object = unwrap(callee.object as EsNode);
  const method = (callee.property as EsNode).name;
  if (object.type !== "ConditionalExpression" || typeof method !== "string") return undefined;
  const [a, b] = [unwrap(object.consequent as EsNode), unwrap(object.alternate as EsNode)];
  if (a.type !== "Identifier" || b.type !== "Identifier") return undefined;
  return `(${String(a.name)}|${String(b.name)}).${method}`;
}
