// What a timeout expression holds: the hardcoded or unbounded values in it, and where each is written.
import {
  calleePath,
  CONVERSION,
  type EsNode,
  isNode,
  MAX_DEPTH,
  propertyName,
  referenceName,
  span,
  unwrap,
} from "./ast.ts";
import { isTimeoutPhase } from "../../timeout-phases.ts";
import { isTimeoutStatusCode } from "../../status-codes.ts";
import { convertedDuration, durationObjectValues } from "./duration-builders.ts";
import { conditionalFallback } from "./fallbacks.ts";
import { floorBranch, nanFloorBranch, type Reader } from "./floors.ts";
import { innermostFunction } from "./function-spans.ts";
import { keyedFallback } from "./keyed-fallbacks.ts";
import { namedParts, restatesNamed } from "./named-factors.ts";
import { Pads, scaledName } from "./pads.ts";
import { respelledBranch } from "./respelled-no-limits.ts";
import { schemaDefaultOf } from "./schema-defaults.ts";
import { type Classified, GOT_PHASES, kindOf, NO_LIMIT, numericString } from "./values.ts";

/** Classifies values by the file's facts and constants: folded numbers, fallbacks, pads, got's phases. */
export class Classifier extends Pads {
  /** Folded numbers and text, for the shape checks of `floors.ts`. */
  private readonly reader: Reader = {
    evaluate: (node) => this.constants.evaluate(node),
    text: (node) => this.facts.text(node),
  };

  /** The hardcoded or unbounded values a timeout expression holds, with where to report each. */
  classify(raw: EsNode, out: Classified[] = [], depth = 0): Classified[] {
    if (depth > MAX_DEPTH) return out;
    const node = unwrap(raw);
    switch (node.type) {
      case "ObjectExpression": {
        // `timeout: { seconds: 5 }`: a duration object, its numbers in the units its keys name.
        const units = durationObjectValues(node);
        if (units) {
          for (const value of units) this.classify(value, out, depth + 1);
          return out;
        }
        // `timeout: { request: 10000 }`: the phases of one timeout. Other keys (`retries: 2`) are not durations.
        for (const property of node.properties as EsNode[]) {
          const name = property.type === "Property" ? propertyName(property) : undefined;
          // `functionTimeout: { value: 0, exportable: true }`: a settings descriptor's value is the timeout.
          const holdsIt =
            name === "value" || (name !== undefined && (isTimeoutPhase(name) || this.facts.isTimeout(name)));
          if (name !== undefined && isNode(property.value) && holdsIt) {
            // A phase of 0 (`timeout: { secureConnect: 0 }`) fires at once in got: a hardcoded 0 ms.
            const before = out.length;
            // `timeout: { type: "string", default: "3000" }` (node:util parseArgs): a CLI default written as a string.
            const value = unwrap(property.value as EsNode);
            const text = name === "default" ? numericString(value) : undefined;
            if (text !== undefined) out.push({ kind: kindOf(text), node: value, literal: this.facts.text(value) });
            else this.classify(property.value, out, depth + 1);
            if (name === "value" || name === "default") for (const item of out.slice(before)) item.declared = true;
            if (GOT_PHASES.has(name))
              for (const item of out.slice(before)) if (item.literal === "0") item.kind = "hardcoded";
          }
        }
        return out;
      }
      case "ConditionalExpression": {
        // `options.timeout === false ? 0 : options.timeout`: the caller's own "no limit" re-spelled for a
        // receiver that writes it as 0, not a choice made here.
        const respelled = respelledBranch(node, (branch) => this.constants.evaluate(branch));
        if (respelled) {
          this.classify((respelled === node.consequent ? node.alternate : node.consequent) as EsNode, out, depth + 1);
          return out;
        }
        // `t < 1000 ? 1000 : t`: the caller's value raised to a floor (`floors.ts`), as `Math.max(t, 1000)` is.
        // `Number.isNaN(t) ? 1 : t` after `const t = Math.max(x, 1)`: the same floor put back for a NaN.
        const floor =
          floorBranch(this.reader, node) ??
          nanFloorBranch(this.reader, node, (name) =>
            this.facts.bounds.floorAt(
              name,
              span(node)[0],
              (at) => innermostFunction(this.facts.functionSpans, at) ?? [0, Infinity],
            ),
          );
        if (floor) {
          this.classify((floor === node.consequent ? node.alternate : node.consequent) as EsNode, out, depth + 1);
          return out;
        }
        this.classify(node.consequent as EsNode, out, depth + 1);
        // `connectTimeoutMS ? connectTimeoutMS + x : 0`: the 0 is taken only when the value tested is
        // itself 0 (or unset); it mirrors the configured value, it does not choose one. In a class constructor
        // (`this.timeout = $c?.timeout ? $c.timeout * 1000 : 0`) it is what the object keeps when its option is
        // unset: its own "no limit" for the waits it makes later, judged as `$c.timeout || 0` is.
        const test = unwrap(node.test as EsNode);
        const mirrors =
          (test.type === "Identifier" || test.type === "MemberExpression") &&
          !this.facts.zero.constructors.inConstructor(span(node)[0]);
        if (!(mirrors && this.constants.evaluate(node.alternate as EsNode) === 0))
          this.classify(node.alternate as EsNode, out, depth + 1);
        return out;
      }
      case "LogicalExpression":
        this.classify(node.left as EsNode, out, depth + 1);
        this.classify(node.right as EsNode, out, depth + 1);
        return out;
      case "Literal":
        if (node.value === false) out.push({ kind: "unbounded", node, literal: "false" });
        break;
      case "CallExpression": {
        // `Number(process.env.X ?? 5000)`, `parseInt(env.T || "5000", 10)`: the fallback inside a conversion.
        const callee = calleePath(node.callee as EsNode);
        const first = (node.arguments as EsNode[])[0];
        // `Math.max(this._timeout, rto || 5000)`: a fallback inside is a default duration; a plain floor
        // (`Math.max(remaining, 10)`, `MIN_IDLE_TIMEOUT_MS`) is a clamp of a computed value, not one.
        // `const probeTimeout = Math.min(timeout, 5000)`: a literal cap on a timeout is a hardcoded bound.
        const cap = callee === "Math.min" ? this.capOf(node) : undefined;
        if (cap) {
          out.push({
            kind: "hardcoded",
            node: cap.node,
            literal: `${this.facts.text(cap.node)} (a cap on ${cap.name})`,
          });
          return out;
        }
        // `timeout: Math.min(o.timeout?.connect ?? 6e4, o.timeout?.request ?? 6e4)`: each fallback is a default bound.
        if (callee === "Math.max" || callee === "Math.min") {
          for (const arg of node.arguments as EsNode[]) {
            if (unwrap(arg).type !== "LogicalExpression") continue;
            for (const item of this.classify(arg, [], depth + 1)) if (item.kind === "hardcoded") out.push(item);
          }
          return out;
        }
        // `defaultSocketTimeout: getDefaultSocketTimeout(handler, 900_000)`: the default handed to a timeout getter.
        const getter = referenceName(unwrap(node.callee as EsNode));
        // Not a timer kept under a timeout name (`const t = realSetTimeout(fn, ms)`): the timer rules judge those.
        // Not what remains of one either (`getRemainingTestTimeout(test, 100)`: @rstest/core's margin kept back).
        if (
          getter !== undefined &&
          /timeout/i.test(getter) &&
          !/(set|clear)(Timeout|Interval)$/i.test(getter) &&
          !/remaining/i.test(getter)
        ) {
          const before = out.length;
          for (const arg of node.arguments as EsNode[]) {
            const value = this.constants.evaluate(arg);
            if (value !== undefined && value > 0) this.classify(arg, out, depth + 1);
          }
          if (out.length > before) return out;
        }
        // `ensureOption(options, "timeout", 60000)`: the fallback of a lookup under a timeout's key.
        const keyed = keyedFallback(node, (name) => this.facts.isTimeout(name), this.constants);
        if (keyed) {
          this.classify(keyed, out, depth + 1);
          return out;
        }
        // `Joi.number().positive().default(10 * 1000)`: a schema's default for a timeout option, also when
        // modifiers follow it (`z.coerce.number().default(10000).describe("Timeout in ms")`).
        const schemaDefault = schemaDefaultOf(node);
        if (schemaDefault) {
          this.classify(schemaDefault, out, depth + 1);
          return out;
        }
        // `convertTimeDeltaToMilliSeconds(args.timeout || { seconds: 5 })`: the duration converted to milliseconds.
        const duration = convertedDuration(node);
        if (duration) {
          this.classify(duration, out, depth + 1);
          return out;
        }
        if (first && callee !== undefined && CONVERSION.test(callee)) {
          this.classify(first, out, depth + 1);
          return out;
        }
        break;
      }
      case "BinaryExpression": {
        // `timeout + 5000`: a pad added to the caller's timeout is a hardcoded part of the wait.
        // `timeout: info.latency * 2 + 1000` as written at the site: the constant part is a hardcoded pad.
        const pad =
          node.operator === "+" ? (this.padOf(node) ?? (depth === 0 ? this.anyPad(node) : undefined)) : undefined;
        if (pad) {
          out.push(...this.padded(pad, `added to ${pad.name}`));
          return out;
        }
        // `(self.sendTimeout + 1) * 1000`: the timeout padded, then converted to another unit.
        const padded = node.operator === "*" || node.operator === "/" ? this.paddedThenScaled(node) : undefined;
        if (padded) {
          out.push(...this.padded(padded, `added to ${padded.name} before a unit conversion`));
          return out;
        }
        // `socket.setTimeout((this.heartbeat || 60) * 1000)`: a fallback converted to another unit is the default.
        const fallback = this.scaledFallback(node);
        if (fallback) {
          for (const item of this.classify(fallback, [], depth + 1)) if (item.kind === "hardcoded") out.push(item);
          return out;
        }
        // `waitForServerToBecomeActive + 2 * waitForServerToChangeState`: named durations restated, no new one.
        if (this.restatesNamed(node)) return out;
        break;
      }
      case "Identifier": {
        const constant = this.constants.at(node);
        // `HTTP_STATUS_GATEWAY_TIMEOUT = 504`: an HTTP status, not a duration.
        if (constant && isTimeoutStatusCode(constant.name, constant.value)) return out;
        // A code table's entry (`code-tables.ts`, its value marked where it is declared): a code, not a duration.
        if (constant && this.facts.notDurations.has(constant.node)) return out;
        if (constant) {
          out.push({
            kind: kindOf(constant.value),
            node: constant.node,
            literal: `${constant.name} = ${this.facts.text(constant.node)}`,
            negative: constant.value < 0,
          });
          return out;
        }
        // `const minAgentTimeout = options.timeout + 1000; agent.options.timeout = minAgentTimeout`: a pad kept in a
        // local of any name, handed on here (the local's own name may say nothing of a timeout).
        const init = depth === 0 ? this.constants.initialiserAt(node) : undefined;
        const sum = init && unwrap(init);
        const kept = sum?.type === "BinaryExpression" && sum.operator === "+" ? this.padOf(sum) : undefined;
        if (kept) {
          out.push(...this.padded(kept, `added to ${kept.name}`));
          return out;
        }
        break;
      }
    }
    const value = this.constants.evaluate(node);
    if (value !== undefined)
      out.push({ kind: kindOf(value), node, literal: this.facts.text(node), negative: value < 0 });
    return out;
  }

  /**
   * A pad, reported where its number is written: `timeout + 5000` at the `5000`, `opts.timeout + TIMEOUT_BUFFER` at
   * the file's `const TIMEOUT_BUFFER = 5000` (one finding however many timeouts the constant pads).
   */
  padded(pad: { node: EsNode }, how: string, depth = 0): Classified[] {
    const value = scaledName(unwrap(pad.node));
    const constant = value.type === "Identifier" ? this.constants.at(value) : undefined;
    // `const timeout = waitForServerToBecomeActive + 2 * waitForServerToChangeState` as a pad: each constant it restates.
    if (constant && depth < MAX_DEPTH && this.restatesNamed(unwrap(constant.node)))
      return namedParts(unwrap(constant.node)).flatMap((part) => this.padded({ node: part }, how, depth + 1));
    if (constant)
      return [
        {
          kind: "hardcoded",
          node: constant.node,
          literal: `${constant.name} = ${this.facts.text(constant.node)} (${how})`,
        },
      ];
    return [{ kind: "hardcoded", node: pad.node, literal: `${this.facts.text(pad.node)} (${how})` }];
  }

  /** `waitForServerToBecomeActive + 2 * waitForServerToChangeState`: named durations restated (`named-factors.ts`). */
  private restatesNamed(node: EsNode): boolean {
    return restatesNamed(
      node,
      (identifier) => this.constants.at(identifier),
      (name) => this.facts.isTimeout(name),
    );
  }

  /**
   * `x.timeout == null ? 20000 : x.timeout` (either way round), `program.timeout ? program.timeout : 30`,
   * `"k" in o ? o.k : 5`, and the `??` that compilers write for `x.timeout ?? 20000` (`fallbacks.ts`): the number,
   * if positive, and the name of the timeout it is the default of.
   */
  nullFallback(node: EsNode): { value: EsNode; name: string } | undefined {
    const found = conditionalFallback(node, (n) => this.facts.text(n));
    if (!found || !this.facts.isTimeout(found.name)) return undefined;
    const number = this.constants.evaluate(found.unset);
    return number !== undefined && number > 0 && number < NO_LIMIT
      ? { value: found.unset, name: found.name }
      : undefined;
  }
}
