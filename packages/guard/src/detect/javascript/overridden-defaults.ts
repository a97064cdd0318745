// Parameter defaults no call can reach: minecraft-bedrock-server's `function requestPong (port, timeout = 5000)` is
// not exported, and its one call, `requestPong(ports, pingTimeout)`, always passes a value (`pingTimeout` has a default
// of its own in the caller). The default never applies: it bounds nothing (the caller's value is judged where it is
// written). Only a function declared by name whose every other mention in the file is a call of it (not exported,
// not handed on as a value), and only arguments that cannot be `undefined`.
import { type EsNode, span, unwrap } from "./ast.ts";

/** A declared function's numeric parameter defaults, by position. */
type Declared = { name: string; at: number; defaults: { index: number; site: EsNode }[] };

/** `export function f`, `export default async function f`: the text just before an exported declaration. */
const EXPORTED = /\bexport\s+(?:default\s+)?(?:async\s+)?$/;

/** Collected during the one walk; `finish` hands the defaults no call reaches to `notDurations`. */
export class OverriddenDefaults {
  private readonly declared: Declared[] = [];
  /** Calls of a plain name (`requestPong(...)`), by that name. */
  private readonly calls = new Map<string, EsNode[]>();
  /** Names bound with a default of their own (`pingTimeout = 5000` as a parameter or destructured), and where. */
  private readonly defaulted: { name: string; at: number }[] = [];

  constructor(private readonly source: string) {}

  node(node: EsNode): void {
    if (node.type === "AssignmentPattern" && (node.left as EsNode).type === "Identifier") {
      this.defaulted.push({ name: (node.left as EsNode).name as string, at: span(node)[0] });
      return;
    }
    if (node.type === "CallExpression") {
      const callee = unwrap(node.callee as EsNode);
      if (callee.type !== "Identifier") return;
      const list = this.calls.get(callee.name as string);
      if (list) list.push(node);
      else this.calls.set(callee.name as string, [node]);
      return;
    }
    if (node.type !== "FunctionDeclaration") return;
    const defaults: Declared["defaults"] = [];
    for (const [index, param] of (node.params as EsNode[]).entries()) {
      if (param.type !== "AssignmentPattern" || (param.left as EsNode).type !== "Identifier") continue;
      const value = unwrap(param.right as EsNode);
      if (value.type === "Literal" && typeof value.value === "number") defaults.push({ index, site: param });
    }
    const id = node.id as EsNode | null | undefined;
    if (!id || defaults.length === 0) return;
    if (EXPORTED.test(this.source.slice(Math.max(0, span(node)[0] - 40), span(node)[0]))) return;
    this.declared.push({ name: id.name as string, at: span(id)[0], defaults });
  }

  /**
   * `uses`: every identifier's offsets by name (property keys and members included), from the same walk;
   * `functions`: the file's function spans.
   */
  finish(
    uses: (name: string) => readonly number[],
    functions: readonly [number, number][],
    notDurations: Set<EsNode>,
  ): void {
    for (const { name, at, defaults } of this.declared) {
      const calls = this.calls.get(name) ?? [];
      const callees = new Set(calls.map((call) => span(call.callee as EsNode)[0]));
      const mentions = uses(name).filter((offset) => offset !== at);
      if (calls.length === 0 || !mentions.every((offset) => callees.has(offset))) continue;
      for (const { index, site } of defaults)
        if (
          calls.every((call) => this.alwaysGiven((call.arguments as EsNode[]).slice(0, index + 1), index, functions))
        ) {
          notDurations.add(site);
          notDurations.add(site.right as EsNode);
        }
    }
  }

  /** The call passes a value at `index` that cannot be `undefined` (no spread before it). */
  private alwaysGiven(args: EsNode[], index: number, functions: readonly [number, number][]): boolean {
    if (args.length <= index || args.some((arg) => arg.type === "SpreadElement")) return false;
    const arg = unwrap(args[index]!);
    if (arg.type === "Literal" || arg.type === "TemplateLiteral" || arg.type === "BinaryExpression") return true;
    // `pingTimeout`, bound with a default of its own earlier in the calling function (`const { pingTimeout = 5000 } =
    // options`, or a parameter's default).
    if (arg.type !== "Identifier") return false;
    const [at] = span(arg);
    let scope: [number, number] = [0, Number.POSITIVE_INFINITY];
    for (const [from, to] of functions) if (from <= at && at < to && from >= scope[0]) scope = [from, to];
    return this.defaulted.some(({ name, at: bound }) => name === arg.name && scope[0] <= bound && bound < at);
  }
}
