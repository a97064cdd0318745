// Object literals the file keeps (`obj = $.extend({}, { timeout: opts.timeout, ... })`, `const o = { timeout:
// cfg.timeout }`): a value copied there under its own name is read back under that name, so the reads of the name
// decide what it is (`timeout-names.ts`); it is not passed on. An object handed to any other call, returned or
// exported is passed on with everything in it.
import { calleePath, type EsNode, isNode, propertyName, referenceName, unwrap } from "./ast.ts";

/** Merge helpers whose result is the merged objects (`Object.assign`, `$.extend`, `_.merge`, `_.defaults`). */
const MERGE = /(^|\.)(assign|extend|merge|defaults|defaultsDeep)$/;

export class KeptObjects {
  private readonly kept = new Set<EsNode>();

  /** `target = value`, `const target = value`: the object literal (or the merge's literals) stored under a name. */
  stored(value: unknown): void {
    if (!isNode(value)) return;
    const node = unwrap(value);
    if (node.type === "ObjectExpression") this.kept.add(node);
    else if (node.type === "CallExpression" && MERGE.test(calleePath(node.callee as EsNode) ?? ""))
      for (const arg of node.arguments as EsNode[])
        if (unwrap(arg).type === "ObjectExpression") this.kept.add(unwrap(arg));
  }

  /** `{ timeout: opts.timeout }` in a kept object: the value copied under its own name. */
  sameNameCopy(object: EsNode, property: EsNode): boolean {
    if (!this.kept.has(object) || !isNode(property.value)) return false;
    const value = unwrap(property.value);
    const name = propertyName(property);
    return value.type === "MemberExpression" && name !== undefined && referenceName(value) === name;
  }
}
