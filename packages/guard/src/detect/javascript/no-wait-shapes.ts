// The shapes no-wait.ts recognises: fake clocks, doubles, display calls, renewal timers (callee text and names).
/**
 * `vi.useFakeTimers()`, `jest.useFakeTimers()`, `sinon.useFakeTimers()`, `FakeTimers.install()`: a fake clock. So is
 * moving Jest's or Vitest's clock by hand (`jest.advanceTimersByTime(10000)`, `vi.runAllTimers()`): those work only on
 * fake timers (enabled by an earlier test, a hook or the config), and real time does not move with them. A fixture
 * named for fake timers set up in a hook (`fakeTimersFixture.setup()`, `fakeClock.install()`) fakes the suite's clock.
 */
export const FAKE_CLOCK =
  /(^|\.)useFakeTimers$|^(FakeTimers|fakeTimers|lolex)\.(install|withGlobal)$|(^|\.)mock\.timers\.enable$|^(fake|mock|Fake|Mock)_?(timers?|clocks?|Timers?|Clocks?)\w*\.(setup|install|enable|start)$|^(jest|vi)\.(advanceTimersByTime|advanceTimersToNextTimer|runAllTimers|runOnlyPendingTimers)(Async)?$/;

/** `jasmine.clock().install()`, `jasmine.clock().mockDate()`: jasmine's mock clock (callee text, spaces removed). */
export const JASMINE_CLOCK = /^jasmine\.clock\(\)\.(install|mockDate)$/;

/**
 * `sinon.test(function () { ... this.clock.tick(3000) })`: the test runs in a sandbox with fake timers (sinon's
 * default `useFakeTimers: true`), reached as `this.clock`; its durations run on that clock.
 */
export const SINON_TEST = /^sinon\.test$/;

/** `jest.mock("./config", () => ({ ... }))`: a module replaced by a factory's doubles. */
export const MODULE_MOCK = /^(jest|vi)\.(mock|doMock|unstable_mockModule)$/;

/** Components that show something: `<Toast timeout={3000}>`, `new Toast({ content, timeOut })`. */
export const SHOWING = "Toast|Snackbar|Notification|Notifier|Tooltip|Popover|Alert|Banner";
/** Those and the components that animate something: `<CSSTransition timeout={300}>`. */
const DISPLAYED = `${SHOWING}|Transition|Fade|Collapse|Slide|Grow|Zoom|Animat\\w*`;
/** Words after a display's name that keep it one: `<ToastEmitter timeout={3000}>` (@magento/venia-ui, fresh327). */
const DISPLAY_PART = "Emitter|Container|Provider|Item|Message|Wrapper|Host";
export const DISPLAY_ELEMENT = new RegExp(`(${DISPLAYED})(${DISPLAY_PART})?$`);
/**
 * A class or component that shows a message (`display-objects.ts`: `new Toast(model)`, `function Notification()`);
 * not the animating ones, whose names (`StateTransition`, `Slide`) also name things that wait.
 */
export const DISPLAY_CLASS = new RegExp(`^(\\w*(${SHOWING}))$`);
/**
 * An object whose methods show a message (`this.$toast.error(text, { timeout: 10000 })` of vue-toastification,
 * `toastr.success(text, title, { timeOut })`, `this.$snackbar.open(...)`): its options are how long the message shows.
 */
export const TOAST_OBJECT = /^[$_]*(toast|toastr|toaster|snackbar)$/i;
/** A callee whose text may name a display class or a toast object, or a timer a display component arms. */
export const DISPLAY_CALLEE = new RegExp(`${SHOWING}|toast|snackbar|setTimeout`);
/** The React hooks of those components (`useTransition({ timeout: 160 })`, `useToast`), called by their own name. */
export const DISPLAY_HOOK = new RegExp(`^use(${DISPLAYED})$`);

/**
 * Spies and stubs: `vi.fn()`, `jest.fn()`, `sinon.stub()`, `sandbox.spy()`, node:test's `mock.fn()`, testdouble's
 * `td.func()` and its full spelling `td.function()`.
 */
export const SPY = /^(vi|jest|sinon|sandbox|sb|td|mock|t\.mock|context\.mock)\.(fn|stub|spy|fake|func)$|^td\.function$/;

/**
 * `td.when(system.time()).thenReturn(now + queueTimeout + 1)`: testdouble stubbing what a clock reads (a replaced
 * module's `time()`, `Date.now()`, `performance.now()`): the test moves time by hand, its durations run on that clock.
 */
export const STUBBED_CLOCK = /^td\.when$/;

/** The last name of a call that reads a clock: `Date.now()`, `system.time()`, `process.hrtime()`, `clock.now()`. */
export const CLOCK_READING = /(^|\.)(now|time|hrtime|getTime|currentTime)$/;

/** `vi.spyOn(global, "setTimeout")`, `sinon.stub(timers, "setTimeout")`: the timer itself replaced. */
export const SPY_ON = /^(vi|jest|sinon|sandbox|sb|mock|t\.mock)\.(spyOn|stub|replace|method)$/;

/** Hooks whose callback prepares every test of the enclosing suite. */
export const HOOKS = /^((t|test)\.)?(beforeEach|beforeAll|before|setup|suiteSetup)$/;

/** An assertion inside a function: the function belongs to a test double that checks what it is given. */
export const ASSERTS = /\b(expect\s*\(|assert(\.\w+)?\s*\(|t\.(same|equal|deepEqual|strictSame|ok|match|is|fail)\s*\()/;
/** should.js's assertions: a chain through `.should.` or a call of `should(...)`. */
export const SHOULD_ASSERTS = /\.should\s*\.\s*\w|\bshould\s*\(/;

/** Calls and events that show something on screen: how long it stays is a display duration, not a deadline. */
export const DISPLAY = /notif|toast|snackbar|tooltip|popup|banner/i;

/** Keys of what a notification shows. */
export const SHOWN = /^(message|msg|text|title|body|content|html|label|description)$/i;

/**
 * A timer that renews or refreshes something, or sends a keep-alive (its callback says so, or the handle it is
 * kept under: `this._tokenRenewalTimer = setTimeout(...)`, `setTimeout(donoop, aliveTimeout)`): its delay is a
 * schedule, not a deadline. A "re..." word must start a word (`reconnect`, `scheduleReconnect`, `RECONNECT_DELAY`):
 * `this._captureConnectionContext(...)` in a connect deadline's callback holds the letters of "reConnect" across two
 * words and reconnects nothing.
 */
const SCHEDULE_WORDS = /(?<![a-z])re ?(new|fresh|auth|connect|schedul)|rotat|noop|keep_? ?alive/i;

/** Whether code or a name says it renews, refreshes, reconnects or keeps alive (`SCHEDULE_WORDS`), word by word. */
export function saysSchedule(text: string): boolean {
  return SCHEDULE_WORDS.test(text.replace(/([a-z0-9])(?=[A-Z])/g, "$1 "));
}

/**
 * A callback that reports a timeout in words (`dispatchEvent(new CustomEvent('timeout'))`, `new Error("timed out")`):
 * the wait it ends has timed out, whatever else it mentions (robust-websocket's `{ reconnects }` event payload).
 */
export const REPORTS_TIMEOUT = /['"`][^'"`\n]*\btime[ds]?[\s_-]?out/i;

/** A callback that runs the next round of a loop: `this.poll()`, `this.ping()`, `checkWrapper()` (pacing). */
export const ROUND = /(^|[^\w$])(poll|ping|check)\w*\s*\(/i;

/** Protocols whose session timeout is a connection's idle timeout (a wait), not a login session's lifetime. */
export const CONNECTION_KEYS = new Set(["http2", "h2", "tls", "ssl", "ssh", "sftp", "spdy"]);

/** Words in a callee that any of the calls above needs (a cheap test before the callee's path is built). */
export const CALLEES =
  /fake|mock|stub|dumm|spy|lolex|sinon|before|setup|clock|Math\.m|setTimeout|setInterval|emit|notif|toast|snackbar|tooltip|popup|banner|^use[A-Z]|\b(vi|jest|td|sandbox|sb)\b/i;
