// Arguments a callee ignores: `axios(options, { timeout: 5 * 60 * 1000 })` (scrappey-wrapper) where `options` is a
// request config. axios reads a second argument only after a URL (`Axios.request(configOrUrl, config)`: a string
// first, then the config; a config first, and the rest is never read), so the timeout there bounds nothing (the
// request itself has none: `client-defaults.ts`). The first argument counts as a config when it is written as an
// object in place or is a local bound once, to an object written in place.
import { type EsNode, span, unwrap } from "./ast.ts";

/** Callees that read a second argument only after a URL: axios' default instance and its `request`. */
const CONFIG_OR_URL = new Set(["axios", "axios.request"]);

/** Collected during the one walk: the locals bound to an object literal, then the calls' ignored arguments. */
export class IgnoredArguments {
  /** Locals declared with an object literal, by name. */
  private readonly objects = new Set<string>();

  declarator(node: EsNode): void {
    const id = node.id as EsNode;
    if (id.type === "Identifier" && node.init && unwrap(node.init as EsNode).type === "ObjectExpression")
      this.objects.add(id.name as string);
  }

  /**
   * The spans of the arguments `node` (a call of `canonical`) ignores; `bindings` counts how often a name is bound.
   */
  call(node: EsNode, canonical: string | undefined, bindings: ReadonlyMap<string, number>): [number, number][] {
    const args = node.arguments as EsNode[];
    if (canonical === undefined || !CONFIG_OR_URL.has(canonical) || args.length < 2) return [];
    const first = unwrap(args[0]!);
    const config =
      first.type === "ObjectExpression" ||
      (first.type === "Identifier" &&
        this.objects.has(first.name as string) &&
        bindings.get(first.name as string) === 1);
    return config ? args.slice(1).map((arg) => span(arg)) : [];
  }
}

/**
 * Checks that answer at once and ignore a `timeout` option: Playwright's `isVisible` and `isHidden` (on a locator,
 * `locator.isVisible({ timeout })`, and on a page or frame, `page.isVisible(selector, { timeout })`): "Deprecated:
 * this option is ignored" (notebooklm-mcp, @askjo/camofox-browser). `waitFor` and the `is*` checks that wait
 * (`isEnabled`, `isChecked`) keep theirs.
 */
const ANSWER_AT_ONCE = new Set(["isVisible", "isHidden"]);

/** The spans of the options objects a call of a check that answers at once ignores. */
export function ignoredOptions(node: EsNode): [number, number][] {
  const callee = node.callee as EsNode;
  if (callee.type !== "MemberExpression" || callee.computed) return [];
  if (!ANSWER_AT_ONCE.has((callee.property as EsNode).name as string)) return [];
  return (node.arguments as EsNode[])
    .filter((argument) => unwrap(argument).type === "ObjectExpression")
    .map((argument) => span(argument));
}
