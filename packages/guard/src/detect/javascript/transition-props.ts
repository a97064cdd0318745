// An animation's props, known by their shape: `{ nodeRef, in: open, timeout: 300, classNames: "fade", unmountOnExit:
// true }` (@tencentcloud/uikit-base-component-react's compiled `<CSSTransition>`, whose component is a minified name,
// fresh254). react-transition-group's `Transition` and `CSSTransition` read `timeout` as how long the enter and exit
// animations run; keys only those components take (`unmountOnExit`, `mountOnEnter`, `classNames`, the `onEnter...`/
// `onExit...` callbacks, `addEndListener`) say the object is their props, whatever the component's name.
import { type EsNode, propertyName, span } from "./ast.ts";

/**
 * Props only a transition component takes, and those of Material UI's touch ripple, a `Transition` child
 * (`{ classes, timeout: DURATION, pulsate, rippleX, rippleY, rippleSize }`: @sisense/sdk-shared-ui's bundled MUI,
 * fresh259).
 */
const TRANSITION_KEY =
  /^(unmountOnExit|mountOnEnter|classNames|addEndListener|onEnter|onEntering|onEntered|onExit|onExiting|onExited|rippleX|rippleY|rippleSize)$/;

/** Words a file holds when it may build a transition's props. */
const TRANSITION_WORD = /unmountOnExit|mountOnEnter|classNames|addEndListener|onEnter|onExit|rippleSize/;

/**
 * A `timeout` key whose value is a name (`timeout: DURATION`, shorthand `{ timeout, classNames }`): a literal one is
 * released on the per-file walk; a name needs its binding resolved.
 */
const TIMEOUT_FROM_NAME = /\btimeout\s*(?::\s*[A-Za-z_$]|[,}])/;

/**
 * Whether a local in `source` may be an animation's length (`debounce-bindings.ts` resolves names for it only then):
 * `classNames` and `onEnter` are common in React files that build no transition, so the words alone are not enough.
 * (A local read only in an animation's CSS bounds no wait either way; one also read under a transition's `timeout`
 * is found by that key.)
 */
export function mayReadAnimationLength(source: string): boolean {
  return TIMEOUT_FROM_NAME.test(source) && TRANSITION_WORD.test(source);
}

/** [start, end) of `node` when it holds a `timeout` beside a prop only a transition component takes. */
export function transitionProps(node: EsNode): [number, number][] {
  return transitionTimeout(node) ? [span(node)] : [];
}

/**
 * The value of `node`'s `timeout` when `node` is a transition's props: a local it reads (MUI's `timeout: DURATION`, its
 * `const DURATION = 550`) is the animation's length wherever else it is not read (`debounce-bindings.ts` releases it).
 */
export function transitionTimeout(node: EsNode): EsNode | undefined {
  let timeout: EsNode | undefined;
  let transition = false;
  for (const property of node.properties as EsNode[]) {
    if (property.type !== "Property") continue;
    const key = propertyName(property) ?? "";
    if (key === "timeout") timeout = property.value as EsNode;
    else if (TRANSITION_KEY.test(key)) transition = true;
  }
  return transition ? timeout : undefined;
}
