// How long something stays on screen or animates is not a deadline. `expect:` marks each line that must be flagged.
declare function Toast(p: object): unknown;
declare function CSSTransition(p: object): unknown;
declare function Poller(p: object): unknown;

export const toast = <Toast timeout={3000} message="saved" />;
export const fade = <CSSTransition timeout={300} in />;
export const poller = <Poller timeout={5000} />; // expect: no-hardcoded-timeout
