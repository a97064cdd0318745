// Node's own HTTP client called without a bound: `https.get(options, cb)`, `http.request(url, options, cb)`. Node sets
// no timeout on a request by default, so one whose server stops answering waits forever, as `requests.get(url)` does
// in Python (`python/http.ts`). Known by its import (`require("https")`, `import http from "node:http"`). Reported
// only when nothing near it may bound it: its options are written in place (or in a local named nowhere else,
// `config-locals.ts`) without `timeout`, `signal` or an `agent` (which may carry one), and the function that makes it
// (or, at a module's top level, the module) says nothing of a timeout, a signal, an abort or a destroy
// (`req.setTimeout(...)`, a timer that destroys it, a race). Never in a test file or one that fakes the HTTP layer.
import { missingNodeTimeoutMessage } from "../../messages.ts";
import type { RawFinding } from "../types.ts";
import { calleePath, type EsNode, span, unwrap } from "./ast.ts";
import { IMPORTS_NODE_HTTP } from "./client-default-text.ts";
import { MOCKS } from "./client-defaults.ts";
import { ConfigLocals } from "./config-locals.ts";
import type { ModuleBindings } from "./modules.ts";
import { unboundingArgument } from "./request-arguments.ts";
import { isTestFile } from "./scripted-abort.ts";
import { type VisitorKeys, walk } from "./walk.ts";

/** A file that imports Node's HTTP client. */
const IMPORTS_HTTP = new RegExp(IMPORTS_NODE_HTTP);

/** The calls that make a request. */
const REQUEST = /^https?\.(?:request|get)$/;

/** A name for a URL (`url`, `targetUrl`, `endpoint`): an argument that cannot bound the request. */
const URL_NAME = /url|uri|href|endpoint/i;

/** Keys that bound a request, or may (an agent may carry a timeout). */
const BOUNDING = /^(?:timeout|signal|agent|createConnection)$/;

/** Words that say the function bounds its request some way. */
const BOUNDED_NEAR = /time[\s_-]?out|signal|abort|destroy\s*\(|Promise\s*\.\s*race/i;

/** The file's requests of Node's HTTP client that nothing bounds. */
export function bareNodeRequests(
  program: EsNode,
  source: string,
  modules: ModuleBindings,
  visitorKeys: VisitorKeys | undefined,
): RawFinding[] {
  if (!IMPORTS_HTTP.test(source) || isTestFile(source) || MOCKS.test(source)) return [];
  const findings: RawFinding[] = [];
  const configs = new ConfigLocals(source);
  walk(program, visitorKeys, (node) => {
    configs.node(node);
    if (node.type !== "CallExpression") return;
    const path = calleePath(node.callee as EsNode);
    const canonical = path === undefined ? undefined : modules.canonical(path);
    if (canonical === undefined || !REQUEST.test(canonical)) return;
    const [at] = span(node);
    // A request at a module's top level (a script's `https.get(url, cb)`) has the whole module around it.
    const around = configs.functionAt(at) ?? [0, source.length];
    if (BOUNDED_NEAR.test(source.slice(...around))) return;
    const args = (node.arguments as EsNode[]).map((arg) => unwrap(configs.resolve(unwrap(arg))));
    if (!args.every((arg) => unboundingArgument(arg, BOUNDING, (name) => URL_NAME.test(name)))) return;
    const [start, end] = span(node.callee as EsNode);
    findings.push({
      ruleId: "no-unbounded-timeout",
      start,
      end,
      message: missingNodeTimeoutMessage(canonical),
      replaceable: false,
    });
  });
  return findings;
}
