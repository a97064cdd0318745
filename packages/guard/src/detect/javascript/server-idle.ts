// A server's idle timeout: `net.createServer((socket) => { this.options.timeout > 0 &&
// socket.setTimeout(this.options.timeout) })`. The server closes connections that stay quiet that long; nobody
// waits on it, so its 0 (never armed) keeps idle connections open, it leaves no wait unbounded.
import { calleePath, type EsNode, isFunction, referenceName, span, unwrap } from "./ast.ts";

/** Calls that hand a function each accepted connection: `net.createServer(handler)`, `tls.createServer(opts, handler)`. */
const CREATE_SERVER = /(^|\.)createServer$/;
/** `server.on("connection", handler)`, `"secureConnection"`. */
const CONNECTION_EVENT = /^(connection|secureConnection)$/;

/** Collected during the one walk: connection handlers, named functions, and sockets' idle timers armed with a name. */
export class ServerIdle {
  /** Handlers given inline, and names of handlers given by name. */
  private readonly handlers: EsNode[] = [];
  private readonly handlerNames = new Set<string>();
  /** `const onConnection = (socket) => ...`, `function onConnection(socket)`. */
  private readonly functions = new Map<string, EsNode>();
  /** `socket.setTimeout(this.options.timeout)`: the socket's name, the delay's name, where. */
  private readonly idleTimers: { socket: string; name: string; at: number }[] = [];
  private names: Set<string> | undefined;

  call(node: EsNode): void {
    const path = calleePath(node.callee as EsNode) ?? "";
    const args = (node.arguments as EsNode[]).map(unwrap);
    const event = args[0];
    const connection =
      /(^|\.)(on|once|addListener)$/.test(path) &&
      event?.type === "Literal" &&
      CONNECTION_EVENT.test(String(event.value));
    if (CREATE_SERVER.test(path) || connection)
      for (const arg of args) {
        if (isFunction(arg) && arg.type !== "Identifier") this.handlers.push(arg);
        else if (arg.type === "Identifier") this.handlerNames.add(arg.name as string);
      }
    // `socket.setTimeout(ms)` (a socket's idle timer takes its delay first; `setTimeout(fn, ms)` is a plain timer).
    const callee = unwrap(node.callee as EsNode);
    if (callee.type !== "MemberExpression" || !/\.setTimeout$/.test(path) || !args[0] || isFunction(args[0])) return;
    const socket = unwrap(callee.object as EsNode);
    const name = referenceName(args[0]);
    if (socket.type === "Identifier" && name !== undefined)
      this.idleTimers.push({ socket: socket.name as string, name, at: span(node)[0] });
  }

  /** A named function: a handler may be passed by name. */
  definition(name: string | undefined, value: unknown): void {
    // `isFunction` also takes a name (`const onConnection = handle`): an alias has no parameters to read.
    const fn = value ? unwrap(value as EsNode) : undefined;
    if (name !== undefined && fn && fn.type !== "Identifier" && isFunction(fn)) this.functions.set(name, fn);
  }

  /** Names the file arms only as an accepted connection's idle timer. */
  isServerIdle(name: string | undefined): boolean {
    if (name === undefined) return false;
    this.names ??= this.resolve();
    return this.names.has(name);
  }

  private resolve(): Set<string> {
    const handlers = [...this.handlers];
    for (const name of this.handlerNames) {
      const fn = this.functions.get(name);
      if (fn) handlers.push(fn);
    }
    const names = new Set<string>();
    for (const handler of handlers) {
      const first = (handler.params as EsNode[] | undefined)?.[0];
      if (!first || first.type !== "Identifier") continue;
      const [from, to] = span(handler);
      for (const timer of this.idleTimers)
        if (timer.socket === first.name && from <= timer.at && timer.at < to) names.add(timer.name);
    }
    return names;
  }
}
