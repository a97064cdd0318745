// JS `no-hardcoded-timeout` / `no-unbounded-timeout`, session 26 (issue 9): UI timing that bounds no wait.
// 1. xstate's named delays of a machine driven by pointer events (@likec4/diagram's navigation panel and relationship
//    popover): `after: { "open timeout": ... }` moves a state that runs nothing on once the pointer has rested that
//    long. Not reported, nor the context literals a computed delay reads (`({ context }) => context.openTimeout`).
// 2. A named delay of a state that invokes a request, or whose transition leads to a failure, bounds that state:
//    reported, in the same file.
// 3. floating-ui's FloatingDelayGroup: `if (timeoutMs) { setTimeout(unset, timeoutMs); return } unset()` runs the
//    callback at once for a 0, no "no limit". A timer armed only when set with nothing run otherwise stays reported.
import { assign, setup } from "xstate";

export const panel = setup({
  delays: {
    "open timeout": 500,
    "close timeout": 350,
  },
}).createMachine({
  initial: "idle",
  states: {
    idle: { on: { "breadcrumbs.mouseEnter": { target: "opening" } } },
    opening: {
      on: { "breadcrumbs.mouseLeave": { target: "idle" } },
      after: { "open timeout": { target: "active" } },
    },
    active: {
      on: { "dropdown.mouseEnter": { target: "active" } },
      after: { "close timeout": { target: "#idle" } },
    },
  },
});

export const popover = setup({
  delays: {
    "open timeout": ({ context: ctx }) => ctx.openTimeout,
  },
  actions: {
    "decrease open timeout": assign(() => ({ openTimeout: 300 })),
  },
}).createMachine({
  context: () => ({ openTimeout: 800 }),
  initial: "idle",
  states: {
    idle: { on: { "xyedge.mouseEnter": { target: "opening" } } },
    opening: {
      on: { "xyedge.mouseLeave": { target: "idle" } },
      after: { "open timeout": { target: "active", actions: "decrease open timeout" } },
    },
    active: {},
  },
});

export const loader = setup({
  delays: {
    "request timeout": 5000, // expect: no-hardcoded-timeout
    "answer timeout": 3000, // expect: no-hardcoded-timeout
  },
}).createMachine({
  initial: "loading",
  states: {
    loading: {
      invoke: { src: "fetchUser", onDone: "ready" },
      after: { "request timeout": { target: "ready" } },
    },
    waiting: {
      after: { "answer timeout": { target: "failed" } },
    },
    ready: {},
    failed: {},
  },
});

export function FloatingDelayGroup({ delay, timeoutMs = 0 }, open, setState) {
  function unset() {
    setState({ delay, currentId: null });
  }
  if (!open) {
    if (timeoutMs) {
      const timeout = window.setTimeout(unset, timeoutMs);
      return () => clearTimeout(timeout);
    }
    unset();
  }
  return undefined;
}

export class Request {
  constructor(options) {
    this.timeout = options.timeout || 0; // expect: no-unbounded-timeout
  }

  send(socket, payload) {
    if (this.timeout) setTimeout(() => socket.destroy(new Error("timed out")), this.timeout);
    socket.write(payload);
  }
}
