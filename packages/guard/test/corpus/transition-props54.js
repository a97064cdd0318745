// JS `no-hardcoded-timeout`, session 54 (issue 9): an animation's length, known by the props only a transition
// component takes (react-transition-group's `unmountOnExit`, `classNames`, `onExited`...; Material UI's touch ripple's
// `rippleSize`), whatever the component's minified name: @tencentcloud's compiled `<CSSTransition>` (fresh254) and
// @sisense's bundled MUI ripple, whose `DURATION` is also its CSS `animation-duration` (fresh259). A constant also read
// by a request stays a deadline.
import { jsx } from "react/jsx-runtime";
import { keyframes } from "@emotion/react";

const DURATION = 550;
const FETCH_TIMEOUT = 300; // expect: no-hardcoded-timeout

const enter = keyframes`
  0% { transform: scale(0); }
  100% { transform: scale(1); }
`;
export const rippleCss = `
  animation-name: ${enter};
  animation-duration: ${DURATION}ms;
`;

export function MessageBox({ open, children }) {
  return jsx(D, { in: open, timeout: 300, classNames: "fade", unmountOnExit: true, children });
}

export function Ripple({ x, y, size }) {
  return jsx(R, { timeout: DURATION, pulsate: false, rippleX: x, rippleY: y, rippleSize: size });
}

export function Fader({ open, children, url }) {
  fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT) });
  return jsx(F, { in: open, timeout: FETCH_TIMEOUT, onExited: () => {}, children });
}

export function Popup({ open }) {
  return jsx(P, { open, timeout: 5000 }); // expect: no-hardcoded-timeout
}
