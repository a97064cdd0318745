// Pads and clock offsets in a timeout expression: `timeout + 5000`, `latency * 2 + 1000`, `(timeout + 1) * 1000`,
// `Date.now() + 5000`. The literal part is a hardcoded part of the wait (`classify.ts` reports it).
import { calleePath, type EsNode, referenceName, unwrap } from "./ast.ts";
import type { Constants } from "./constants.ts";
import { compiledNullishFallback } from "./fallbacks.ts";
import type { FileFacts } from "./facts.ts";
import { JS_CLOCKS } from "./timers.ts";
import { NO_LIMIT } from "./values.ts";

/** A clock read in an expression: `Date.now()`, `new Date()`, `.getTime()`, a local named `now`. */
const CLOCK_READING = /\bnow\b|\bDate\b|\bperformance\b|\bhrtime\b|\.getTime\b/;

/** Finds the constant added to a timeout or to a clock, by the file's facts and constants. */
export class Pads {
  constructor(
    protected readonly facts: FileFacts,
    protected readonly constants: Constants,
  ) {}

  /** In `timeout + 5000`, the constant added to a timeout-named value that is not itself a constant. */
  padOf(node: EsNode): { node: EsNode; name: string } | undefined {
    for (const [reference, pad] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as [EsNode, EsNode][]) {
      // `params.timeout * 1000 + 10_000`: the timeout converted to another unit, then padded.
      const name = referenceName(this.unscaled(reference));
      if (!this.facts.isTimeout(name) || this.constants.evaluate(reference) !== undefined) continue;
      const value = this.constants.evaluate(pad);
      if (value !== undefined && value > 0) return { node: pad, name };
    }
    return undefined;
  }

  /** In `(timeout + 1) * 1000`, the pad of the timeout a unit conversion scales. */
  protected paddedThenScaled(node: EsNode): { node: EsNode; name: string } | undefined {
    const sides = node.operator === "*" ? [node.left, node.right] : [node.left];
    for (const side of sides as EsNode[]) {
      const other = side === node.left ? node.right : node.left;
      const sum = unwrap(side);
      if (sum.type !== "BinaryExpression" || sum.operator !== "+") continue;
      if (this.constants.evaluate(other as EsNode) === undefined) continue;
      const pad = this.padOf(sum);
      if (pad) return pad;
    }
    return undefined;
  }

  /**
   * In `latency * 2 + 1000` given as a timeout, the positive constant added to a computed number (not a string:
   * `"t" + 5` builds text).
   */
  protected anyPad(node: EsNode): { node: EsNode; name: string } | undefined {
    for (const [other, pad] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as [EsNode, EsNode][]) {
      const computed = unwrap(other);
      if (computed.type === "Literal" || computed.type === "TemplateLiteral") continue;
      // `now + this.lockTimeout() + 1`: a point in time (a lock's expiry stamp), not a duration.
      if (CLOCK_READING.test(this.facts.text(computed))) continue;
      if (this.constants.evaluate(computed) !== undefined) continue;
      const value = this.constants.evaluate(pad);
      if (value !== undefined && value > 0) return { node: pad, name: this.facts.text(computed) };
    }
    return undefined;
  }

  /**
   * In `Math.min(timeout, 5000)` (or `Math.min(this._connectTimeout * 2, 10000)`, `Math.min(t, options.timeout,
   * 30000)`), the one literal cap on values one of which is named a timeout: whenever the configured timeout is
   * larger, the literal is the bound of the wait. setTimeout's own largest delay (`2 ** 31 - 1`) is the platform's
   * clamp, not a cap chosen here. A floor (`Math.max(timeout, 1000)`) is a
   * clamp of the caller's value and stays unreported (`classify.ts`).
   */
  capOf(node: EsNode): { node: EsNode; name: string } | undefined {
    const args = node.arguments as EsNode[];
    if (args.length < 2 || args.some((arg) => arg.type === "SpreadElement")) return undefined;
    // `Math.min(testTimeout, options.timeout, 30000)`: one literal among values one of which is a timeout.
    const caps = args.filter((arg) => this.constants.evaluate(arg) !== undefined);
    if (caps.length !== 1) return undefined;
    const cap = caps[0]!;
    const value = this.constants.evaluate(cap)!;
    if (!(value > 0 && value < NO_LIMIT)) return undefined;
    for (const reference of args) {
      if (reference === cap) continue;
      const name = referenceName(this.unscaled(reference)) ?? this.flooredName(reference);
      if (this.facts.isTimeout(name)) return { node: cap, name: name! };
    }
    return undefined;
  }

  /**
   * `Math.max(800, settings.timeoutMillis)`: the name a floor clamps, so that `Math.min(5000, Math.max(800,
   * settings.timeoutMillis))` caps a timeout (@queue-it/connector-javascript, fresh379).
   */
  private flooredName(raw: EsNode): string | undefined {
    const node = unwrap(raw);
    if (node.type !== "CallExpression" || calleePath(node.callee as EsNode) !== "Math.max") return undefined;
    const clamped = (node.arguments as EsNode[]).filter((arg) => this.constants.evaluate(arg) === undefined);
    return clamped.length === 1 ? referenceName(this.unscaled(clamped[0]!)) : undefined;
  }

  /** `t * 1000`, `t / 1e3`: the reference a unit conversion scales (the node itself otherwise). */
  protected unscaled(raw: EsNode): EsNode {
    const node = unwrap(raw);
    if (node.type !== "BinaryExpression" || !/^[*/]$/.test(node.operator as string)) return node;
    const left = unwrap(node.left as EsNode);
    const right = unwrap(node.right as EsNode);
    if (this.constants.evaluate(right) !== undefined) return left;
    return node.operator === "*" && this.constants.evaluate(left) !== undefined ? right : node;
  }

  /** `Date.now() + 5000`, `performance.now() + 1000`: the constant added to a clock, if any. */
  clockOffset(raw: EsNode): EsNode | undefined {
    const node = unwrap(raw);
    if (node.type !== "BinaryExpression" || node.operator !== "+") return undefined;
    for (const [clock, other] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as [EsNode, EsNode][]) {
      const call = unwrap(clock);
      if (call.type !== "CallExpression" || !JS_CLOCKS.test(calleePath(call.callee as EsNode) ?? "")) continue;
      const value = this.constants.evaluate(other);
      if (value !== undefined && value > 0) return other;
      // `Date.now() + (session.expires_in || 600) * 1000`: the default of a configured duration.
      const scaled = unwrap(other);
      const fallback = scaled.type === "BinaryExpression" ? this.scaledFallback(scaled) : undefined;
      if (fallback) return fallback;
    }
    return undefined;
  }

  /** In `(x || 60) * 1000` (or `1000 * (x ?? 60)`), the fallback `60`: positive, scaled by a constant factor. */
  scaledFallback(node: EsNode): EsNode | undefined {
    if (node.operator !== "*" && node.operator !== "/") return undefined;
    for (const [side, other] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as EsNode[][]) {
      const logical = unwrap(side!);
      // Fern's generated clients compiled by TypeScript: `((_a = opts.timeoutInSeconds) !== null && _a !== void 0 ?
      // _a : 60) * 1000`, the `??` written out (`fallbacks.ts`).
      const compiled = compiledNullishFallback(logical);
      if (!compiled && (logical.type !== "LogicalExpression" || logical.operator === "&&")) continue;
      if (node.operator === "/" && side === node.right) continue;
      const fallback = compiled ?? (logical.right as EsNode);
      const factor = this.constants.evaluate(other!);
      const value = this.constants.evaluate(fallback);
      if (factor !== undefined && factor > 0 && value !== undefined && value > 0 && value < NO_LIMIT) return fallback;
    }
    return undefined;
  }
}

/**
 * `waitForServerToBecomeUnavailable * 2` as a pad: a named constant times a literal factor is that constant's
 * duration, reported at its declaration (the factor is no timeout); any other pad as it is.
 */
export function scaledName(node: EsNode): EsNode {
  if (node.type !== "BinaryExpression" || node.operator !== "*") return node;
  const [left, right] = [unwrap(node.left as EsNode), unwrap(node.right as EsNode)];
  if (left.type === "Identifier" && right.type === "Literal" && typeof right.value === "number") return left;
  return right.type === "Identifier" && left.type === "Literal" && typeof left.value === "number" ? right : node;
}
