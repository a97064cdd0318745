// For the package pass (`keepers.ts`): a class of the package that IS an httpx client, `class Device(httpx.AsyncClient)`
// (anta's vendored `asynceapi`), whose constructor hands its `**kwargs` on to the base's `__init__` unchanged, or that
// has no constructor of its own. A `timeout=` its callers give it becomes the client's limit for every request it
// makes later, and httpx's None switches its own 5 s default off (https://www.python-httpx.org/advanced/timeouts/):
// the class keeps `timeout` as `httpx.AsyncClient(timeout=...)` would (`settings.ts`' `openedWith`), though its module
// never names a timeout.
import type { Node as TsNode } from "web-tree-sitter";
import { baseInitOf, classBases } from "./base-init.ts";
import { memberFunction } from "./callees.ts";
import type { PyFacts } from "./facts.ts";
import type { Keeper } from "./package-keepers.ts";
import { calleeText } from "./syntax.ts";

const HTTPX_CLIENTS = /^httpx\.(Async)?Client$/;

/** The keeper of `cls` as an httpx client class, or undefined when it is none or may drop or replace the timeout. */
export function httpxClientKeeper(facts: PyFacts, cls: TsNode, positional: readonly string[]): Keeper | undefined {
  const bases = classBases(cls);

  if (!bases.some((base) => HTTPX_CLIENTS.test(facts.resolve(base)))) return undefined;
  const init = memberFunction(cls, "__init__");
  if (init && !handsKwargsToBase(init, cls)) return undefined;
  return { kind: "class", parameters: positional, keeps: ["timeout"], none: [], waits: [] };
}

// `def __init__(self, host=None, **kwargs): ... super().__init__(**kwargs)` with no mention of a timeout in between
// (`kwargs["timeout"] = 10`, `kwargs.pop("timeout")` would replace or drop the caller's).
function handsKwargsToBase(init: TsNode, cls: TsNode): boolean {
  // `**kwargs` or `**kwargs: Any` (a typed parameter around the splat).
  const splat = init
    .childForFieldName("parameters")
    ?.namedChildren.map((parameter) => (parameter?.type === "typed_parameter" ? parameter.namedChildren[0] : parameter))
    .find((parameter) => parameter?.type === "dictionary_splat_pattern");
  const kwargs = splat?.namedChildren[0]?.text;
  const body = init.childForFieldName("body");
  if (!kwargs || !body || /time_?out/i.test(body.text)) return false;
  return body.descendantsOfType("call").some((call) => {
    if (!call || !baseInitOf(calleeText(call), cls)) return false;
    return (call.childForFieldName("arguments")?.namedChildren ?? []).some(
      (argument) => argument?.type === "dictionary_splat" && argument.namedChildren[0]?.text === kwargs,
    );
  });
}
