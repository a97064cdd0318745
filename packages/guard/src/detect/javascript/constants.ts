// Same-file constants and constant folding: what number an expression is, where it is used.
import { applyOperator } from "../arithmetic.ts";
import { type EsNode, MAX_DEPTH, memberName, span, unwrap } from "./ast.ts";
import { builtDuration } from "./duration-builders.ts";
import { millisecondNamespaceRoot } from "./unit-chains.ts";
import type { Constant, FileFacts } from "./facts.ts";

/**
 * The file's constants, resolved from its facts. A name bound once in the file, by
 * `const NAME = <number expression>`, is a constant. A name bound several times only by
 * block-level `const`s (`const timeout = 500` in two tests) is one constant per block, used inside
 * it; any other rebinding (a parameter, a `let`) is ambiguous and never resolved. In source order,
 * so `const SECOND = 1000; const T = 5 * SECOND;` resolves T.
 */
/** Unit constants written in milliseconds by convention (`5 * SECOND`, `2 * MINUTE`). */
const UNIT_CONSTANTS: Readonly<Record<string, number>> = {
  SECOND: 1000,
  SECONDS: 1000,
  ONE_SECOND: 1000,
  MINUTE: 60_000,
  MINUTES: 60_000,
  ONE_MINUTE: 60_000,
  HOUR: 3_600_000,
  HOURS: 3_600_000,
  ONE_HOUR: 3_600_000,
};

/** Words of a unit's name, in milliseconds (`MINUTES_IN_MILLISECONDS`, `MS_PER_SECOND`). */
const UNIT_WORDS: Readonly<Record<string, number>> = { SECOND: 1000, MINUTE: 60_000, HOUR: 3_600_000 };

/**
 * A unit constant's value in milliseconds: `SECOND`, `ONE_MINUTE`, and the unit spelled with its own unit
 * (`MINUTES_IN_MILLISECONDS`, `SECOND_IN_MS`, `MS_PER_MINUTE`, `MILLISECONDS_IN_AN_HOUR`).
 */
function unitMillis(name: string): number | undefined {
  if (Object.hasOwn(UNIT_CONSTANTS, name)) return UNIT_CONSTANTS[name];
  const spelled =
    /^(SECOND|MINUTE|HOUR)S?_IN_(MILLISECONDS|MILLIS|MS)$/.exec(name)?.[1] ??
    /^(MILLISECONDS|MILLIS|MS)_(PER|IN)_(AN?_|ONE_)?(SECOND|MINUTE|HOUR)$/.exec(name)?.[4];
  return spelled === undefined ? undefined : UNIT_WORDS[spelled];
}

export class Constants {
  private readonly constants = new Map<string, Constant>();
  /** Every name bound once in the file, by a `const` of any value (`const minAgentTimeout = options.timeout + 1000`). */
  private readonly declared = new Map<string, Constant>();
  /** A name declared `const` in several blocks (`const timeout = 500` in two tests): each declaration, by scope. */
  private readonly scoped = new Map<string, Constant[]>();
  private readonly bindingCounts: ReadonlyMap<string, number>;

  private readonly imported: (name: string) => boolean;

  constructor(facts: FileFacts) {
    this.bindingCounts = facts.bindingCounts;
    this.imported = (name) => facts.modules.isImported(name);
    const declaredInBlocks = new Map<string, number>();
    for (const c of facts.candidates)
      if (c.scope) declaredInBlocks.set(c.name, (declaredInBlocks.get(c.name) ?? 0) + 1);
    const parameters: Constant[] = [];
    for (const [fn, names] of facts.functions) {
      for (const name of names) {
        if (!declaredInBlocks.has(name)) continue;
        declaredInBlocks.set(name, declaredInBlocks.get(name)! + 1);
        parameters.push({ node: fn, value: Number.NaN, name, scope: span(fn), parameter: true });
      }
    }
    for (const parameter of parameters) {
      if (this.bindingCounts.get(parameter.name) !== declaredInBlocks.get(parameter.name)) continue;
      this.addScoped(parameter);
    }
    for (const candidate of facts.candidates) {
      const count = this.bindingCounts.get(candidate.name);
      if (count === 1) {
        this.declared.set(candidate.name, candidate);
        const value = this.evaluate(candidate.node);
        if (value !== undefined) this.constants.set(candidate.name, { ...candidate, value });
      } else if (candidate.scope && count === declaredInBlocks.get(candidate.name)) {
        const value = this.evaluate(candidate.node);
        // Kept when not a number either: it hides an outer constant of the same name in its block.
        this.addScoped({ ...candidate, value: value ?? Number.NaN });
      }
    }
  }

  private addScoped(constant: Constant): void {
    const list = this.scoped.get(constant.name) ?? [];
    list.push(constant);
    this.scoped.set(constant.name, list);
  }

  /** The constant an identifier names where it is used: the file's, else the innermost block's declared before it. */
  at(node: EsNode): Constant | undefined {
    const constant = this.constants.get(node.name as string);
    if (constant) return constant;
    const best = this.innermost(node);
    return best?.parameter || Number.isNaN(best?.value) ? undefined : best;
  }

  /**
   * The initialiser of the `const` an identifier names where it is used, whatever its value: the file's only binding
   * of the name, else the innermost block's declared before it (a parameter of the name hides it).
   */
  initialiserAt(node: EsNode): EsNode | undefined {
    const declared = this.declared.get(node.name as string);
    if (declared) return declared.node;
    const best = this.innermost(node);
    return best?.parameter ? undefined : best?.node;
  }

  /** The innermost block-scoped binding of an identifier's name declared before it (or a parameter of it), if any. */
  private innermost(node: EsNode): Constant | undefined {
    const scoped = this.scoped.get(node.name as string);
    if (!scoped) return undefined;
    const [at] = span(node);
    let best: Constant | undefined;
    for (const candidate of scoped) {
      const [from, to] = candidate.scope!;
      const declared = candidate.parameter || span(candidate.node)[0] < at;
      if (from <= at && at < to && declared && (!best || from >= best.scope![0])) best = candidate;
    }
    return best;
  }

  /** `import { SECOND } from "./constants.js"`: a unit constant from another module, in milliseconds. */
  private importedUnit(name: string): number | undefined {
    const unit = unitMillis(name);
    return unit !== undefined && this.imported(name) ? unit : undefined;
  }

  /**
   * `module_setup_1.MINUTES_IN_MILLISECONDS`, `units.SECOND`: a unit constant read off an imported module (compiled
   * code reads every import so), in milliseconds.
   */
  private moduleUnit(node: EsNode): number | undefined {
    const object = unwrap(node.object as EsNode);
    const name = memberName(node);
    // `commons_1.TimeUtil.TimeInMillis.SECOND`: deeper, through a namespace that says milliseconds (`unit-chains.ts`).
    const root = object.type === "Identifier" ? (object.name as string) : millisecondNamespaceRoot(node);
    if (root === undefined || name === undefined || !this.imported(root)) return undefined;
    return unitMillis(name);
  }

  /**
   * The number a constant expression folds to (literals, same-file constants, `+ - * / % **` and `Math.pow`, a duration
   * type's unit factory in milliseconds: `Duration.ofSeconds(5)`), if any.
   */
  evaluate(raw: EsNode, depth = 0): number | undefined {
    // Constant expressions worth folding are shallow; deeper ones are generated code.
    if (depth > MAX_DEPTH) return undefined;
    const node = unwrap(raw);
    switch (node.type) {
      case "Literal":
        return typeof node.value === "number" ? node.value : undefined;
      case "Identifier":
        if (node.name === "Infinity" && !this.bindingCounts.has("Infinity")) return Number.POSITIVE_INFINITY;
        return this.at(node)?.value ?? this.importedUnit(node.name as string);
      case "MemberExpression":
        return this.moduleUnit(node) ?? builtDuration(node, (inner) => this.evaluate(inner, depth + 1));
      case "CallExpression":
      case "NewExpression":
        return this.power(node, depth) ?? builtDuration(node, (inner) => this.evaluate(inner, depth + 1));
      case "UnaryExpression": {
        const value = this.evaluate(node.argument as EsNode, depth + 1);
        if (value === undefined) return undefined;
        return node.operator === "-" ? -value : node.operator === "+" ? value : undefined;
      }
      case "BinaryExpression": {
        const left = this.evaluate(node.left as EsNode, depth + 1);
        const right = left === undefined ? undefined : this.evaluate(node.right as EsNode, depth + 1);
        if (left === undefined || right === undefined) return undefined;
        return applyOperator(node.operator as string, left, right);
      }
      default:
        return undefined;
    }
  }

  /**
   * `Math.pow(2, 31) - 1` (snoowrap's `.timeout(options.timeout || Math.pow(2, 31) - 1)`): `**` spelled as ES5 code
   * (and its transpilers) must, so the largest timer delay reads as the same "no limit" as `2 ** 31 - 1`.
   */
  private power(node: EsNode, depth: number): number | undefined {
    const args = node.arguments as EsNode[];
    const callee = unwrap(node.callee as EsNode);
    if (args.length !== 2 || callee.type !== "MemberExpression" || memberName(callee) !== "pow") return undefined;
    const object = unwrap(callee.object as EsNode);
    if (object.type !== "Identifier" || object.name !== "Math" || this.bindingCounts.has("Math")) return undefined;
    const base = this.evaluate(args[0]!, depth + 1);
    const exponent = base === undefined ? undefined : this.evaluate(args[1]!, depth + 1);
    return base === undefined || exponent === undefined ? undefined : base ** exponent;
  }
}
