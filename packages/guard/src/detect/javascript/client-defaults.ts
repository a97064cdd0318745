// HTTP clients whose default is no timeout, called without one: axios (its `timeout` defaults to 0, "no timeout is
// created"), node-fetch (no deadline unless a `signal` or its own `timeout` option is given; so too cross-fetch and
// isomorphic-unfetch, which are node-fetch on Node and a browser's fetch elsewhere), got and request (no
// timeout unless the options give one; only a call of the imported module or its request methods is judged). Each
// such request waits forever when the server stops answering, as Python's `requests.get(url)` does
// (`python/http.ts`). The receiver is known by its import only (the default export of "axios" or "node-fetch", or an
// instance the file makes with `axios.create(...)`); Node's own global `fetch` is bounded by undici's defaults and
// never reported. A request counts only when every config it is handed is written in place without `timeout`,
// `signal` or `cancelToken` (a config held in a variable or spread from one may carry them); an axios request never
// where the package sets a default elsewhere (`axios.defaults.timeout = ...`, `instance.defaults.timeout`, a request
// interceptor that may set one: `setsClientTimeout`), which bounds only axios's own requests; and none in a file that
// arms a timer to abort (`ABORTS_BY_TIMER`) or in a test file (its requests go to a mock or a local server), and none
// made inside a promise executor whose own timer settles the promise (`timed-executors.ts`).
import { type ClientLibrary, type FetchLibrary, missingClientTimeoutMessage } from "../../messages.ts";
import type { RawFinding } from "../types.ts";
import { calleePath, type EsNode, propertyName, span, unwrap } from "./ast.ts";
import { ConfigLocals } from "./config-locals.ts";
import { unboundingArgument } from "./request-arguments.ts";
import { ABORTS_BY_TIMER, MAY_REQUEST_WITHOUT_DEFAULT, setsClientTimeout } from "./client-default-text.ts";
import type { ModuleBindings } from "./modules.ts";
import { isTestFile } from "./scripted-abort.ts";
import { TimedExecutors } from "./timed-executors.ts";
import { type VisitorKeys, walk } from "./walk.ts";

/** The argument position of each axios method's config (`axios.post(url, data, config)`). */
const AXIOS_CONFIG: Record<string, number> = {
  request: 0,
  get: 1,
  delete: 1,
  head: 1,
  options: 1,
  post: 2,
  put: 2,
  patch: 2,
};

/**
 * node-fetch's default export, and the packages that hand node-fetch out on Node and a browser's fetch elsewhere, with no
 * deadline of their own either way (cross-fetch's default or `fetch` export, isomorphic-unfetch's default).
 */
const FETCH_LIBRARIES = /^(node-fetch|cross-fetch|isomorphic-unfetch)(?:\.fetch)?$/;

/** Keys that bound a request, or that may (a spread). */
const BOUNDING = /^(timeout|signal|cancelToken)$/;

/** A file that makes fetch `Request` objects (their options may carry a `signal` or node-fetch's `timeout`). */
const MAKES_REQUESTS = /\bnew\s+[\w.]*Request\s*\(/;

/** Files that may fake the HTTP layer: a request there goes to the double. */
export const MOCKS = /\b(nock|msw|axios-mock-adapter|MockAdapter|jest\.mock|vi\.mock|sinon|fetch-mock|moxios)\b/;

/** The file's HTTP requests without a timeout on a client whose default is none. */
export function missingClientTimeouts(
  program: EsNode,
  source: string,
  modules: ModuleBindings,
  visitorKeys: VisitorKeys | undefined,
  packageSetsTimeout: boolean,
): RawFinding[] {
  if (!MAY_REQUEST_WITHOUT_DEFAULT.test(source) || ABORTS_BY_TIMER.test(source)) return [];
  if (isTestFile(source) || MOCKS.test(source)) return [];
  // axios defaults or a request interceptor (here or in another file of the package) may bound axios's requests; they
  // do nothing for node-fetch's, got's or request's.
  const axiosDefaulted = packageSetsTimeout || setsClientTimeout(source);
  const findings: RawFinding[] = [];
  /** Instances made by `axios.create(...)` without a timeout, by the name they are stored under. */
  const creates = new Map<string, EsNode>();
  /** Every name an `axios.create(...)` result is stored under, with a timeout or without. */
  const instances = new Set<string>();
  /** Instance names some call hands a config the file cannot read, or one with a timeout. */
  const bounded = new Set<string>();
  const instanceCalls: [string, EsNode][] = [];
  /** Calls of axios itself (`axios(config)`, `axios.get(url)`), with the method's name. */
  const axiosCalls: [string, EsNode, string | undefined][] = [];
  const configs = new ConfigLocals(source);
  const timed = new TimedExecutors(source);
  const unbounded = (args: EsNode[], at: number) =>
    unboundedConfigs(
      args,
      at,
      (arg) => configs.resolve(arg),
      (arg) => configs.resolveValue(arg),
    );
  walk(program, visitorKeys, (node) => {
    configs.node(node);
    timed.node(node);
    if (node.type === "VariableDeclarator" || node.type === "AssignmentExpression") {
      const target = (node.type === "VariableDeclarator" ? node.id : node.left) as EsNode;
      const value = node.type === "VariableDeclarator" ? node.init : node.right;
      const init = value ? unwrap(value as EsNode) : undefined;
      const name = calleePath(target);
      if (
        init?.type === "CallExpression" &&
        name &&
        modules.canonical(calleePath(init.callee as EsNode)) === "axios.create"
      ) {
        instances.add(name);
        if (unbounded(init.arguments as EsNode[], 0)) creates.set(name, init);
      }
    }
    if (node.type !== "CallExpression") return;
    const path = calleePath(node.callee as EsNode);
    if (path === undefined) return;
    const args = node.arguments as EsNode[];
    const canonical = modules.canonical(path);
    const where = (call: string, library: ClientLibrary) => findings.push(finding(node, call, library));
    const fetchLibrary = FETCH_LIBRARIES.exec(canonical ?? "")?.[1] as FetchLibrary | undefined;
    if (fetchLibrary !== undefined) {
      // `fetch(new Request(url, opts))`, `fetch(request)` in a file that makes Requests: its options may bound it.
      if (unbounded(args, 1) && !MAKES_REQUESTS.test(source)) where("fetch", fetchLibrary);
      return;
    }
    const dot = path.lastIndexOf(".");
    const method = path.slice(dot + 1);
    if (canonical === "axios" || (canonical === `axios.${method}` && method in AXIOS_CONFIG)) {
      // Judged once the instances are known: `const axios = Axios.create({ proxy: false })` (@blocklet/sdk,
      // @elestio/cloudgate) names an instance `axios`, whose calls are the instance's.
      axiosCalls.push([path, node, canonical === "axios" ? undefined : method]);
      return;
    }
    // `got.post(url, { json })`, `request(options, cb)`: called by a name the file imports (a local `request` is not).
    const other = OTHER_CLIENTS.exec(canonical ?? "");
    if (other && args.length > 0 && importedOnly(path.split(".")[0]!, source, modules)) {
      const library = other[1] === "got" ? "got" : "request";
      if (other[2] === undefined || CLIENT_METHODS.test(other[2])) {
        if (
          args.every((arg) => unboundingArgument(unwrap(configs.resolve(unwrap(arg))), CLIENT_BOUNDING, urlOrCallback))
        )
          where(canonical!, library);
        return;
      }
    }
    // `api.get(url)`, `api(config)`: a call of an instance the file made; judged once all of them are known.
    instanceCalls.push([path, node]);
  });
  if (axiosDefaulted) return findings.filter((found) => !timed.bounds(found.start));
  for (const [path, node, method] of axiosCalls) {
    const head = path.split(".")[0]!;
    if (creates.has(head)) instanceCalls.push([path, node]);
    // unofficial-jisho-api's `const axios = axiosBuilder.create({ timeout: 10000 })`: the bounded instance's calls.
    else if (!instances.has(head)) {
      const args = node.arguments as EsNode[];
      const at = method === undefined ? callConfigAt(args) : AXIOS_CONFIG[method]!;
      if (unbounded(args, at))
        findings.push(finding(node, method === undefined ? "axios" : `axios.${method}`, "axios"));
    }
  }
  for (const [path, node] of instanceCalls) {
    const dot = path.lastIndexOf(".");
    const [name, method] = creates.has(path) ? [path, undefined] : [path.slice(0, dot), path.slice(dot + 1)];
    if (!creates.has(name)) continue;
    const args = node.arguments as EsNode[];
    // `api(error.config)` in a response interceptor sends a failed request again with its own config: no new bound.
    if (args.length === 1 && isRetriedConfig(args[0]!)) continue;
    const at = method === undefined ? callConfigAt(args) : AXIOS_CONFIG[method];
    if (at === undefined) {
      // `api.defaults`, `api.interceptors.request.use(...)`, a method axios does not have: not a request.
      if (method !== "getUri") bounded.add(name);
      continue;
    }
    if (!unbounded(args, at)) bounded.add(name);
  }
  // An instance the file does not call is still reported: it is kept (`this.http = ...`, a getter) or exported for
  // other modules' requests, every one of which waits without a bound unless it passes its own timeout.
  for (const [name, create] of creates) if (!bounded.has(name)) findings.push(finding(create, "axios.create", "axios"));
  return findings.filter((found) => !timed.bounds(found.start));
}

/** `error.config`, `err.config`: the config of a request axios failed, handed back to send it again. */
function isRetriedConfig(arg: EsNode): boolean {
  const value = unwrap(arg);
  return (
    value.type === "MemberExpression" &&
    value.computed !== true &&
    (value.property as EsNode).name === "config" &&
    unwrap(value.object as EsNode).type === "Identifier"
  );
}

/** got and request (request-promise too), called as the module or one of its request methods (`got.post`). */
const OTHER_CLIENTS = /^(got|request|request-promise|request-promise-native)(?:\.(\w+))?$/;
const CLIENT_METHODS = /^(get|post|put|patch|delete|del|head)$/;
const URL_OR_CALLBACK = /^(url|uri|href|endpoint|cb|callback|done|next)$/i;
const CALLBACK = /(Callback|Handler)$|^on[A-Z]/;

/**
 * A name the file binds to a module and declares nowhere else: mailchimp-api-v3 imports `request` and, inside one
 * function, declares its own `var request = function () { ... }` (a poll), whose calls are not the module's.
 */
function importedOnly(name: string, source: string, modules: ModuleBindings): boolean {
  if (!modules.isImported(name)) return false;
  const declared = source.match(new RegExp(`\\b(?:var|let|const|function)\\s+${name.replace(/\$/g, "\\$")}\\b`, "g"));
  return (declared?.length ?? 0) <= 1;
}

/** Keys that bound a got or request call, or may (an agent may carry a timeout). */
const CLIENT_BOUNDING = /^(timeout|signal|agent|agentOptions)$/;

/** A name for a URL or a callback (`url`, `cb`, `done`, `onResponse`): an argument that cannot bound the request. */
const urlOrCallback = (name: string) => URL_OR_CALLBACK.test(name) || CALLBACK.test(name);

/**
 * Where `axios(...)` takes its config: `axios({ url })` first, `axios("/user", config)` after a URL written as a
 * string. `axios(options)` hands one the file may not show (built with a `timeout` elsewhere): -1, never reported.
 */
function callConfigAt(args: EsNode[]): number {
  const first = args[0] ? unwrap(args[0]) : undefined;
  if (first?.type === "ObjectExpression") return 0;
  return first?.type === "TemplateLiteral" || (first?.type === "Literal" && typeof first.value === "string") ? 1 : -1;
}

/**
 * No config at `at` or after, or only ones written in place without a bounding key or a spread (`resolve` reads a
 * local the config is held in, when the code shows all of it; `resolveValue` the local an agent is held in).
 */
function unboundedConfigs(
  args: EsNode[],
  at: number,
  resolve: (arg: EsNode) => EsNode,
  resolveValue: (arg: EsNode) => EsNode,
): boolean {
  if (at < 0) return false;
  for (const arg of args.slice(at)) {
    const value = unwrap(resolve(unwrap(arg)));
    if (value.type !== "ObjectExpression") return false;
    for (const property of value.properties as EsNode[]) {
      if (property.type !== "Property") return false;
      const key = propertyName(property);
      if (key === undefined || BOUNDING.test(key)) return false;
      if (AGENT.test(key) && !agentWithoutTimeout(unwrap(resolveValue(unwrap(property.value as EsNode))))) return false;
    }
  }
  return true;
}

/**
 * The agents a config may hand axios (`httpAgent`, `httpsAgent`) or node-fetch (`agent`): a Node agent's own `timeout`
 * bounds the socket (defender-base-client's, @databricks/sql's `agent: await connectionProvider.getAgent()`).
 */
const AGENT = /^(?:https?A|a)gent$/;

/**
 * An agent that bounds nothing: one made in place without a `timeout` (`new https.Agent({ rejectUnauthorized: false })`),
 * none (`null`), or a proxy's agent, which routes the request and sets no timeout of its own (`new
 * HttpsProxyAgent(proxy)`, `getProxyAgent(url)`, `this._proxyHttpAgent`: serverless-newrelic-lambda-layers, prisma,
 * mindconnect). Any other agent handed in (a parameter, `await provider.getAgent()`) may carry one.
 */
function agentWithoutTimeout(value: EsNode): boolean {
  if (value.type === "Literal" && value.value === null) return true;
  if (value.type === "ConditionalExpression")
    return (
      agentWithoutTimeout(unwrap(value.consequent as EsNode)) && agentWithoutTimeout(unwrap(value.alternate as EsNode))
    );
  if (PROXY_AGENT.test(agentName(value) ?? "")) return true;
  if (value.type !== "NewExpression") return false;
  const [options, ...rest] = value.arguments as EsNode[];
  if (rest.length > 0) return false;
  if (options === undefined) return true;
  const object = unwrap(options);
  return (
    object.type === "ObjectExpression" &&
    (object.properties as EsNode[]).every(
      (property) => property.type === "Property" && (propertyName(property) ?? "timeout") !== "timeout",
    )
  );
}

/** A proxy's agent, by what makes or holds it: `HttpsProxyAgent`, `getProxyAgent`, `proxyHttpAgent`. */
const PROXY_AGENT = /proxy\w*agent/i;

/** The name that makes or holds an agent: a constructor's or factory's (last member), or the member it is kept in. */
function agentName(value: EsNode): string | undefined {
  const made =
    value.type === "NewExpression" || value.type === "CallExpression" ? unwrap(value.callee as EsNode) : value;
  const path = calleePath(made);
  return path?.slice(path.lastIndexOf(".") + 1);
}

function finding(node: EsNode, call: string, library: ClientLibrary): RawFinding {
  const [start, end] = span(node.type === "CallExpression" ? (node.callee as EsNode) : node);
  return {
    ruleId: "no-unbounded-timeout",
    start,
    end,
    message: missingClientTimeoutMessage(call, library),
    replaceable: false,
  };
}
