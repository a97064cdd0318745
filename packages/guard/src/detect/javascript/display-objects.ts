// Options of something shown, reached without JSX (session 42, fresh123/fresh125): `new Toast(model)` after `model = {
// content, timeOut: 5000 }` (@syncfusion's `ToastUtility.show`), `Notification.defaultProps = { timeout: 2500 }` and a
// `Notification` component's own `setTimeout(handleClose, timeout || 2500)` (strapi-admin). How long a toast or a
// notification stays on screen is a display duration, as `<Toast timeout={3000}>` is (`no-wait.ts`' `element`).
// Decided by what receives the object or holds the timer (a class, component or function whose own name ends in a
// word for a shown message, `DISPLAY_CLASS`), never by the value's name: `new ToastService({ timeout })` or `notify(channel, {
// timeout })` is not one of them.
import { calleePath, type EsNode, isFunction, isNode, memberName, referenceName, span, unwrap } from "./ast.ts";
import { DISPLAY_CLASS, TOAST_OBJECT } from "./no-wait-shapes.ts";
import { TIMER_CALLS } from "./timers.ts";
import type { FunctionAt } from "./no-wait.ts";

/** Where an object literal was bound to a plain name (`model = { ... }`, `const model = { ... }`). */
interface BoundObject {
  name: string;
  at: number;
  range: [number, number];
}

/** The display objects and components of one file, resolved to quiet ranges once the walk is done. */
export class DisplayObjects {
  private readonly quiet: [number, number][] = [];
  private readonly bound: BoundObject[] = [];
  /** Names handed to a display class or function, with where: matched to their objects in the same function. */
  private readonly handed: { name: string; at: number }[] = [];
  /** Display-named functions (`const Notification = (props) => ...`), kept if they hold JSX. */
  private readonly components: [number, number][] = [];
  private readonly jsx: number[] = [];
  private readonly timerDelays: { at: number; range: [number, number] }[] = [];

  /** `new Toast(model)`, `Toast({ content, timeOut })`; and any `setTimeout(fn, delay)`, for components. */
  call(node: EsNode): void {
    const path = calleePath(node.callee as EsNode) ?? "";
    const args = node.arguments as EsNode[];
    if (TIMER_CALLS.test(path) && args[1]) this.timerDelays.push({ at: span(node)[0], range: span(args[1]) });
    const segments = path.split(".");
    const last = segments.pop() ?? "";
    const shown = DISPLAY_CLASS.test(last) && /^[A-Z]/.test(last);
    // `this.$toast.error(message, { timeout: 10000 })`: a method of a toast object.
    const toastMethod = segments.some((segment) => TOAST_OBJECT.test(segment));
    // `app.use(Toast, { position: "bottom-right", timeout: 3000 })`: a toast plugin's options (Vue's `use`).
    const used = last === "use" && args[0] !== undefined ? (referenceName(unwrap(args[0])) ?? "") : "";
    const plugin = /^[A-Z]/.test(used) && DISPLAY_CLASS.test(used);
    if (!shown && !toastMethod && !plugin) return;
    for (const arg of args) {
      const value = unwrap(arg);
      if (value.type === "ObjectExpression") this.quiet.push(span(arg));
      else if (value.type === "Identifier") this.handed.push({ name: value.name as string, at: span(node)[0] });
    }
  }

  /** `model = { ... }` (or a declarator's): kept for `finish`; `Notification.defaultProps = { ... }`: quiet. */
  binding(left: EsNode | undefined, right: unknown, at: number): void {
    if (!isNode(right) || !left) return;
    const value = unwrap(right as EsNode);
    if (value.type !== "ObjectExpression") return;
    const name = left.type === "Identifier" ? (left.name as string) : undefined;
    if (name !== undefined) this.bound.push({ name, at, range: span(value) });
    else if (left.type === "MemberExpression" && /^(defaultProps|defaults)$/.test(memberName(left) ?? "")) {
      const owner = referenceName(unwrap(left.object as EsNode)) ?? "";
      if (DISPLAY_CLASS.test(owner.split(".").pop() ?? "")) this.quiet.push(span(value));
    }
  }

  /** `const Notification = (...) => ...`, `function Toast(...)`: a display-named function. */
  definition(name: string | undefined, fn: unknown): void {
    if (name === undefined || !/^[A-Z]/.test(name) || !DISPLAY_CLASS.test(name)) return;
    if (isNode(fn) && isFunction(unwrap(fn as EsNode))) this.components.push(span(fn as EsNode));
  }

  /** A JSX element's position: a display-named function that holds one is a component. */
  element(node: EsNode): void {
    this.jsx.push(span(node)[0]);
  }

  /** The quiet ranges: display payloads, objects handed to a display class in the same function, component timers. */
  finish(functionAt: FunctionAt): [number, number][] {
    const same = (a: number, b: number): boolean => {
      const [x, y] = [functionAt(a), functionAt(b)];
      return x[0] === y[0] && x[1] === y[1];
    };
    for (const { name, at } of this.handed)
      for (const object of this.bound)
        if (object.name === name && object.at < at && same(object.at, at)) this.quiet.push(object.range);
    for (const [from, to] of this.components) {
      if (!this.jsx.some((at) => from <= at && at < to)) continue;
      for (const delay of this.timerDelays) if (from <= delay.at && delay.at < to) this.quiet.push(delay.range);
    }
    return this.quiet;
  }
}
