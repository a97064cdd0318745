// Lookups with a fallback: the value a dict, an object, the environment or a config file hands back when the
// key is absent. Under a timeout's key, that fallback is the default timeout of whatever reads the result.
import type { Node as TsNode } from "web-tree-sitter";
import type { PyFacts } from "./facts.ts";
import { stringContent } from "./syntax.ts";

// Methods and helpers whose argument after the key is the fallback: `dict.get/pop/setdefault`, `getattr`,
// `os.getenv`, configparser's `getint`/`getfloat` (`fallback=`), and env or setting helpers
// (`_int_env("X_TIMEOUT_MS", 120_000)`, `env_float(...)`). The last name of the callee.
const LOOKUP =
  /^(get|pop|setdefault|getattr|getenv|getint|getfloat|get_?(int|float|number|seconds|duration))$|(^|_)env(_|$)/i;

// Whether `written` (a callee as written) is a lookup with a fallback; a string test, no tree reads.
export function isLookup(written: string): boolean {
  return LOOKUP.test(written.slice(written.lastIndexOf(".") + 1));
}

// The key and the fallback of a lookup call (`kwargs.pop("timeout", 30)` -> "timeout", `30`;
// `getattr(obj, "timeout", 30)`; `cfg.getfloat("net", "timeout", fallback=30)`): the fallback follows the
// last leading string argument, or is the `default=`/`fallback=` keyword.
export function lookupFallback(args: TsNode): { key: TsNode | undefined; fallback: TsNode } | undefined {
  let key: TsNode | undefined;
  let afterKey: TsNode | undefined;
  let index = 0;
  for (const arg of args.namedChildren) {
    if (!arg || arg.type === "comment") continue;
    if (arg.type === "keyword_argument") {
      const name = arg.childForFieldName("name")?.text;
      const value = arg.childForFieldName("value");
      if ((name === "default" || name === "fallback") && value) return { key, fallback: value };
      continue;
    }
    if (arg.type.endsWith("splat")) return undefined;
    // `cfg.get("net", "timeout")`: the option's name follows its section; `os.getenv("T", "30")`: a number is a value.
    if (arg.type === "string" && !(key && /^["']\s*\d/.test(arg.text))) key = arg;
    else if (key && !afterKey) afterKey = arg;
    // `d.get(name, 30)`: a key that is not a literal string still takes the second place.
    else if (!key && index === 1) afterKey = arg;
    index++;
  }
  return afterKey ? { key, fallback: afterKey } : undefined;
}

// The key's text when it is a plain string (`"timeout"`, `"--timeout"` without its dashes).
export function keyName(key: TsNode | undefined): string | undefined {
  const content = key ? stringContent(key) : undefined;
  return content === undefined || !/^-{0,2}[\w.-]+$/.test(content) ? undefined : content.replace(/^-+/, "");
}

// A setting declared or looked up under a timeout's key with its default, whatever the helper is called:
// `get_anymail_setting("requests_timeout", kwargs=kwargs, default=30)`, oslo.config's `cfg.IntOpt("client_socket_timeout",
// default=900)`, voluptuous' `Optional("timeout", default=30)`, meson's `KwargInfo("timeout", int, default=30)`. The
// key names the timeout and `default=`/`fallback=` is what the setting holds when nobody sets it. With `positional`,
// where the call's value is already a timeout's (assigned to a timeout's name), the argument after the key counts too
// (nose2's `self.testRunTimeout = self.config.as_float("test-run-timeout", 60.0)`); elsewhere a value after a key is
// often no default (`LEShortField("timeout", 42)`, a packet field's value).
export function keyedDefault(
  args: TsNode,
  isTimeout: (name: string | undefined) => boolean,
  positional: boolean,
): TsNode | undefined {
  const lookup = lookupFallback(args);
  if (!lookup || !isTimeout(keyName(lookup.key))) return undefined;
  const keyword = lookup.fallback.parent?.type === "keyword_argument";
  return keyword || positional ? lookup.fallback : undefined;
}

/**
 * `vol.Optional(CONF_SREQ_TIMEOUT, default=15)` with `CONF_SREQ_TIMEOUT = "sync_request_timeout"` (zigpy-znp's config
 * schema), `cfg.IntOpt("client_socket_timeout", default=900)`: a setting declared under a timeout's key, written or held
 * by a constant of the file (`constantKey`: the string a name is bound to), with its `default=`/`fallback=` keyword.
 */
export function declaredDefault(
  args: TsNode,
  isTimeout: (name: string | undefined) => boolean,
  constantKey: (name: TsNode) => TsNode | undefined,
): { fallback: TsNode; key: string } | undefined {
  const lookup = lookupFallback(args);
  if (!lookup || lookup.fallback.parent?.type !== "keyword_argument") return undefined;
  const first = args.namedChildren.find((a) => a !== null && a.type !== "comment");
  const held = !lookup.key && first?.type === "identifier" ? constantKey(first) : undefined;
  const key = keyName(lookup.key ?? held);
  return isTimeout(key) ? { fallback: lookup.fallback, key: key! } : undefined;
}

/** The string literal every binding of `name` in the file holds (`CONF_SREQ_TIMEOUT = "sync_request_timeout"`). */
export function constantString(facts: PyFacts, name: TsNode): TsNode | undefined {
  const sources = facts.bindingSources(name);
  const [only] = sources;
  return sources.length === 1 && only?.type === "string" && stringContent(only) !== undefined ? only : undefined;
}
