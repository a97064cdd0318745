// Lookups under a timeout's key with a fallback: `ensureOption(options, "timeout", 60000)` (cloudinary),
// `_.get(config, "requestTimeout", 5000)`, `getOption(opts, "timeout", 30_000)`. The fallback is the default timeout
// of whatever reads the value (the eval's rule for `kwargs.pop("timeout", 70)`, `getattr(o, "timeout", 30)`).
import type { Constants } from "./constants.ts";
import { type EsNode, unwrap } from "./ast.ts";

/**
 * In `lookup(object, "timeout", 60000)`, the positive number after a timeout-named key: the key is a string that
 * names a timeout, it follows the object looked in (a name, not a string: `createError("CODE", "Timeout", 504)` builds
 * an error), and the number is the call's last argument.
 */
export function keyedFallback(
  call: EsNode,
  isTimeout: (name: string) => boolean,
  constants: Constants,
): EsNode | undefined {
  const args = call.arguments as EsNode[];
  if (args.length < 3) return undefined;
  const [object, key, fallback] = args.slice(-3).map(unwrap) as [EsNode, EsNode, EsNode];
  if (object.type !== "Identifier" && object.type !== "MemberExpression") return undefined;
  if (key.type !== "Literal" || typeof key.value !== "string" || !/^[A-Za-z_$][\w$]*$/.test(key.value))
    return undefined;
  if (!isTimeout(key.value)) return undefined;
  const value = constants.evaluate(fallback);
  return value !== undefined && value > 0 && value !== Number.POSITIVE_INFINITY ? fallback : undefined;
}
