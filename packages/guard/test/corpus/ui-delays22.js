// How long a pointer rests before a menu or a tip shows, and the time windows that tell pointer gestures apart, are
// UI delays and input thresholds: nothing waits on them (issue 9, session 22: doxygen's bundled jQuery SmartMenus
// `showTimeout: 250`, noVNC's `GH_TAP_TIMEOUT`). A menu's data load still has a deadline. `expect:` marks findings.
const menuDefaults = {
  showOnClick: false,
  showTimeout: 250,
  hideTimeout: 500,
  hoverTimeout: 150,
  openTimeout: 5000, // expect: no-hardcoded-timeout
};

// Maximum time between press and release for a tap (ms), and the other gesture windows.
const GH_TAP_TIMEOUT = 1000;
const GH_LONGPRESS_TIMEOUT = 1000;
const GH_TWOTOUCH_TIMEOUT = 50;
const GH_MULTITOUCH_TIMEOUT = 250;
const DOUBLE_TAP_TIMEOUT = 1000;
const MENU_LOAD_TIMEOUT = 8000; // expect: no-hardcoded-timeout

export function loadMenu(url) {
  return fetch(url, { signal: AbortSignal.timeout(MENU_LOAD_TIMEOUT) });
}

export function onPointer(event, state) {
  if (event.timeStamp - state.down < GH_TAP_TIMEOUT) state.tap = true;
  if (event.timeStamp - state.down > GH_LONGPRESS_TIMEOUT) state.longpress = true;
  if (event.timeStamp - state.lastTap < DOUBLE_TAP_TIMEOUT) state.doubleTap = true;
  state.wait = setTimeout(() => state.decide(), event.touches > 2 ? GH_MULTITOUCH_TIMEOUT : GH_TWOTOUCH_TIMEOUT);
  return menuDefaults;
}

// A throttle's pause before its trailing call (resize-observer-polyfill, bundled by many packages).
const trailingTimeout = 2;

export function throttle(callback, delay) {
  let pending = false;
  const trailing = () => setTimeout(callback, trailingTimeout);
  return () => {
    if (!pending) (pending = true), setTimeout(() => ((pending = false), trailing()), delay);
  };
}

// doxygen's search box: the timer kept under `hideTimeout` closes the selection window after a pause; the handle says
// it is a show/hide delay, whatever its value is called. A timer kept under another handle that aborts stays a deadline.
export function SearchBox(name) {
  this.name = name;
  this.hideTimeout = 0;
  this.closeSelectionTimeout = 300;
  this.requestTimer = 0;
  this.requestTimeout = 5000; // expect: no-hardcoded-timeout
  this.OnSelectBlur = function () {
    this.hideTimeout = setTimeout(this.name + ".CloseSelectionWindow()", this.closeSelectionTimeout);
  };
  this.Fetch = function (xhr) {
    this.requestTimer = setTimeout(() => xhr.abort(), this.requestTimeout);
  };
}
