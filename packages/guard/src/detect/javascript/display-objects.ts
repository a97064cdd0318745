// Options of something shown, reached without JSX (session 42, fresh123/fresh125): `new Toast(model)` after `model = {
// content, timeOut: 5000 }` (@syncfusion's `ToastUtility.show`), `Notification.defaultProps = { timeout: 2500 }` and a
// `Notification` component's own `setTimeout(handleClose, timeout || 2500)` (strapi-admin). How long a toast or a
// notification stays on screen is a display duration, as `<Toast timeout={3000}>` is (`no-wait.ts`' `element`).
// Decided by what receives the object or holds the timer (a class, component or function whose own name ends in a
// word for a shown message, `DISPLAY_CLASS`), never by the value's name: `new ToastService({ timeout })` or `notify(channel, {
// timeout })` is not one of them.
import { calleePath, type EsNode, isFunction, isNode, memberName, referenceName, span, unwrap } from "./ast.ts";
import { delayNames } from "./delay-names.ts";
import { JSX_CALL } from "./foreign-components.ts";
import { DISPLAY_CLASS, TOAST_OBJECT } from "./no-wait-shapes.ts";
import { TIMER_CALLS } from "./timers.ts";
import type { FunctionAt } from "./no-wait.ts";

/** Where an object literal was bound to a plain name (`model = { ... }`, `const model = { ... }`). */
interface BoundObject {
  name: string;
  at: number;
  range: [number, number];
}

/** A display-named function: where it is and the defaults of its props by name. */
interface Component {
  range: [number, number];
  defaults: Map<string, [number, number]>;
}

/** The defaults of a component's props: `({ timeout = 2500 })` and `(props, timeout = 2500)`, by name. */
function propDefaults(fn: EsNode): Map<string, [number, number]> {
  const defaults = new Map<string, [number, number]>();
  const add = (pattern: EsNode | undefined): void => {
    if (pattern?.type !== "AssignmentPattern") return;
    const left = pattern.left as EsNode;
    if (left.type === "Identifier") defaults.set(left.name as string, span(pattern.right as EsNode));
  };
  for (const param of (fn.params as EsNode[] | undefined) ?? []) {
    add(param);
    const pattern = param.type === "AssignmentPattern" ? (param.left as EsNode) : param;
    if (pattern.type !== "ObjectPattern") continue;
    for (const property of pattern.properties as EsNode[])
      if (property.type === "Property") add(property.value as EsNode);
  }
  return defaults;
}

/** The display objects and components of one file, resolved to quiet ranges once the walk is done. */
export class DisplayObjects {
  private readonly quiet: [number, number][] = [];
  private readonly bound: BoundObject[] = [];
  /** Names handed to a display class or function, with where: matched to their objects in the same function. */
  private readonly handed: { name: string; at: number }[] = [];
  /** Display-named functions (`const Notification = (props) => ...`), kept if they hold JSX. */
  private readonly components: Component[] = [];
  private readonly jsx: number[] = [];
  private readonly timerDelays: { at: number; range: [number, number]; names: string[] }[] = [];

  /** `new Toast(model)`, `Toast({ content, timeOut })`; and any `setTimeout(fn, delay)`, for components. */
  call(node: EsNode): void {
    const path = calleePath(node.callee as EsNode) ?? "";
    const args = node.arguments as EsNode[];
    if (TIMER_CALLS.test(path) && args[1])
      this.timerDelays.push({ at: span(node)[0], range: span(args[1]), names: delayNames(args[1]) });
    // `jsxRuntime.jsx("div", ...)`, `React.createElement(...)`: JSX a compiler has turned into calls.
    if (JSX_CALL.test(path)) this.jsx.push(span(node)[0]);
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
    const value = isNode(fn) ? unwrap(fn as EsNode) : undefined;
    if (value && isFunction(value)) this.components.push({ range: span(value), defaults: propDefaults(value) });
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
    for (const { range, defaults } of this.components) {
      const [from, to] = range;
      if (!this.jsx.some((at) => from <= at && at < to)) continue;
      for (const delay of this.timerDelays) {
        if (delay.at < from || to <= delay.at) continue;
        this.quiet.push(delay.range);
        // `({ timeout = 2500 }) => { setTimeout(handleClose, timeout) }`: the prop's default is that display duration.
        for (const name of delay.names) {
          const prop = defaults.get(name);
          if (prop) this.quiet.push(prop);
        }
      }
    }
    return this.quiet;
  }
}
