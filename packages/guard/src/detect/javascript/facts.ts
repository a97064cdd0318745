// What one walk of a file learns before any site is judged: bindings, constants, tests, timers, tables.
// The store and the questions it answers; which node feeds which fact is `collect.ts`.
import { IdleBudgets } from "./idle-budgets.ts";
import { StoredFallbacks } from "./stored-fallbacks.ts";
import type { TimeoutApi } from "../../apis.ts";
import { type EsNode, span } from "./ast.ts";
import { collectNode } from "./collect.ts";
import type { HandedProps } from "./foreign-components.ts";
import { finishWalk } from "./facts-finish.ts";
import { CallRecords } from "./call-records.ts";
import { ExpectedValues } from "./expected-values.ts";
import { NoWaitFacts } from "./no-wait.ts";
import { ValidationBounds } from "./validation-bounds.ts";
import { TestContexts } from "./test-contexts.ts";
import { RunnerContexts } from "./runner-contexts.ts";
import { EmittedRejections } from "./emitted-rejections.ts";
import type { TestFacts } from "./test-facts.ts";
import { TimerEffects } from "./timer-effects.ts";
import { walk, type VisitorKeys } from "./walk.ts";
import { delayVerdicts, isTimeoutIn } from "./timeout-names.ts";
import { ZeroFacts } from "./zero.ts";
import { NullishFallbacks } from "./nullish-defaults.ts";
import { ModuleBindings } from "./modules.ts";
import { WebpackModules } from "./webpack-modules.ts";
import { Receivers } from "./receivers.ts";
import { ServerIdle } from "./server-idle.ts";
import { HeldValues } from "./held.ts";
import { UnreadDefaults } from "./unread-defaults.ts";
import { UnreadStores } from "./unread-stores.ts";
import { WrittenOptions } from "./written-options.ts";
import { IgnoredArguments } from "./ignored-arguments.ts";
import { CdkTests } from "./cdk-tests.ts";
import { MockedTransport } from "./mocked-transport.ts";
import { AgeCutoffs } from "./age-cutoffs.ts";
import { ServerlessTests } from "./serverless-tests.ts";
import { DiscardedReads } from "./discarded-reads.ts";
import { OwnWaitDefaults } from "./own-waits.ts";
import { PerCallDefaults } from "./per-call-defaults.ts";
import { DeadlineTimers } from "./deadline-timers.ts";
import { DeadlineHelpers } from "./deadline-helpers.ts";
import { RacedCalls } from "./raced-calls.ts";
import { FallbackHelpers } from "./fallback-helpers.ts";
import { NoLimitEvidence } from "./no-limit.ts";
import { WaitFlow } from "./wait-flow.ts";
import { OptionMerges } from "./option-merges.ts";
import { MochaRunnables } from "./mocha-runnables.ts";
import { MockClocks } from "./mock-clocks.ts";
import { DeadCode } from "./dead-code.ts";
import { SuiteThis } from "./suite-this.ts";
import { SyncTests } from "./sync-tests.ts";
import { SignalDeadlines } from "./signal-deadlines.ts";
import { MachineDelays } from "./machine-delays.ts";

/** A `const` (or a parameter hiding one) and, once folded, its value. */
export type Constant = { node: EsNode; value: number; name: string; scope?: [number, number]; parameter?: boolean };

/**
 * The facts of one file, from one pre-order walk (`collect`). Every later step reads them: the
 * constants (`Constants`), and the judgement of each site (`sites`, in document order).
 */
export class FileFacts implements TestFacts {
  /** Nodes that can hold a timeout (properties, declarators, assignments, calls, fallbacks), in document order. */
  readonly sites: EsNode[] = [];
  /** String literals and template texts that mention a timeout: SQL `SET ... timeout` candidates. */
  readonly sqlTexts: EsNode[] = [];
  /** [start, end) of the string texts of error and log messages: advice to a user, no SQL the code sends. */
  readonly messageTexts: [number, number][] = [];
  /** `const` declarations with an initialiser, in document order; block-level ones know their block. */
  readonly candidates: Constant[] = [];
  /** Functions with parameters, and their parameters' names (they hide a block constant of the same name). */
  readonly functions: [EsNode, string[]][] = [];
  /** Objects a test builds only to compare or to check their fields. */
  readonly expected = new ExpectedValues(this);
  readonly bindingCounts = new Map<string, number>();
  /** Variables initialised with a Redis client (`new Redis()`, `createClient()`, ...). */
  readonly redisClients = new Set<string>();
  /** Values whose destination's name rules them out as durations: the fallback rule leaves them alone. */
  readonly judgedBySite = new Set<EsNode>();
  /** Values stored under a timeout-looking name, with that name (judged again once the walk knows every timer). */
  readonly destinations = new Map<EsNode, string>();
  /** Constants read only as the fallback of a stored setting, with the setting's names (`stored-fallbacks.ts`). */
  readonly storedFallbacks = new StoredFallbacks();
  /** Names bound to Node's timers modules (`const promises_1 = require("node:timers/promises")`): their setTimeout is a delay. */
  readonly timerModules = new Set<string>();
  /** Prop values handed to the file's own components: released in a test file (`foreign-components.ts`). */
  readonly ownComponentProps: [number, number][] = [];
  /** Locals holding a request builder (`const req = superagent.get(url)`): their `.timeout(ms)` bounds the request. */
  readonly requestBuilders = new Set<string>();
  /** [start, end) of every class body: `this.timeout(ms)` there is the object's own setter, not mocha's. */
  readonly classBodies: [number, number][] = [];
  /** `timeout` properties of an axios request config (`axios-configs.ts`): a 0 there is axios' "no limit". */
  readonly axiosConfigTimeouts = new Set<EsNode>();
  /** Sites that are entries of a code table (`GatewayTimeout: 504`) or a compiled enum, not durations. */
  readonly notDurations = new Set<EsNode>();
  /** Merged [start, end) ranges of assertion arguments (`assert.deepStrictEqual(cfg, { timeout: 0 })`): nothing waits there. */
  readonly assertionRanges: [number, number][] = [];
  /** [start, end) of `expect(subject)` subjects, in document order. */
  readonly subjectRanges: [number, number][] = [];
  /** Where nothing waits (fake clocks, doubles, display payloads) and values that are not deadlines. */
  readonly noWait: NoWaitFacts;
  /** `timeRemaining()` of a `requestIdleCallback` shim's IdleDeadline: a deadline read only there is a work budget. */
  readonly idleBudgets = new IdleBudgets();
  /** Names that elsewhere in the file hold a point in time (`x.resurrectTimeout = Date.now() + t`): a 0 there is a reset. */
  readonly timestampNames = new Set<string>();
  /** `setTimeout` calls that race an operation (`Promise.race([op, new Promise((r) => setTimeout(r, 1000))])`): deadlines. */
  readonly raceTimers = new Set<EsNode>();
  /** [start, end) of every element of a `Promise.race([...])` array, in document order. */
  readonly raceElements: [number, number][] = [];
  /** Names raced whole: `Promise.race([bodyPromise, timeoutPromise])`. */
  readonly racedNames = new Set<string>();
  /** Calls race elements start with, and promise executors: timers raced through a call (`raced-calls.ts`). */
  readonly racedCalls = new RacedCalls();
  /** `const timeoutPromise = new Promise(...)`: promises held in a local, by name, with the span of their `new`. */
  readonly heldPromises: { name: string; from: number; to: number }[] = [];
  /** Names passed as a plain timer's delay (`setTimeout(pollCondition, pollTimeout)`): poll intervals if named so. */
  readonly timerDelays = new Set<string>();
  /**
   * Per name, the offsets of timers that stop a recording with that local as their delay
   * (`setTimeout(() => session.post(cmd.stop), timeout)`): how long to measure, not a deadline.
   */
  readonly windowDelays = new Map<string, number[]>();
  /** [start, end) of every function, in document order (pre-order): the scopes of `windowDelays`. */
  readonly functionSpans: [number, number][] = [];
  /**
   * Callbacks also registered as an event's listener (`child.once("exit", exit)`), by name, with the offsets of their
   * registrations: a timer calling the same function races the event.
   */
  readonly listeners = new Map<string, number[]>();
  /** [start, end, test] of every `if` consequent whose test mentions undefined or null. */
  readonly configuredGuards: [number, number, string][] = [];
  /** Timers whose handle is kept (`exitTimer = setTimeout(...)`), to be cleared when what they guard happens. */
  readonly storedTimers = new Set<EsNode>();
  /** Fallbacks passed straight to a call (`Timeout.expires(opts.serverSelectionTimeoutMS ?? 0)`). */
  readonly passedFallbacks = new Set<EsNode>();
  /** Which call takes a value written in its arguments (an options object, a fallback, merged options passed on). */
  readonly receivers = new Receivers();
  /** What a 0 means where it is written: the names tested for "set" and armed with a timer. */
  readonly zero = new ZeroFacts(this.functionSpans);
  /** A server's idle timeout (`createServer((socket) => socket.setTimeout(t))`): its 0 keeps connections open. */
  readonly serverIdle = new ServerIdle();
  /** Local names bound to a module or one of its exports (`import`, `require`). */
  readonly modules = new ModuleBindings();
  /** Names the file hands a known wait as its timeout (`handed-option-names.ts`; set after the walk). */
  handedNames: ReadonlySet<string>;
  /** A webpack bundle's modules: what `(0, wait_for.A)(...)` calls (`webpack-modules.ts`). */
  readonly webpack = new WebpackModules();
  /** Defaults tables of other modules merged into an object here, and the timeout keys read off it. */
  readonly merges = new OptionMerges();
  /** What a timeout-named field or local holds when its 0 or `false` is no "no limit" (handles, flags, placeholders). */
  readonly held = new HeldValues();
  /** Evidence that a "no limit" the code chooses reaches a wait (timers armed when set, APIs, its documentation). */
  readonly noLimit: NoLimitEvidence;
  /** The wait flow asked of `noLimit` with the run's API list (`waitFlow`), kept with its answers. */
  private flow: { apis: readonly TimeoutApi[]; flow: WaitFlow } | undefined;
  /** Whether the file bounds its requests with `AbortSignal.timeout(ms)` (undici's own timers switched off beside it). */
  readonly signalDeadlines = new SignalDeadlines();
  /** Names the file gives a fallback for a missing value (`timeout ?? 30000`): an unset one is no "no limit". */
  readonly nullishFallbacks = new NullishFallbacks();
  /** Base delays of an exponential retry backoff added to a clock (`Date.now() + t * Math.pow(2, n)`). */
  readonly backoffs = new Set<string>();
  /** Constants used only to validate a configured timeout. */
  readonly bounds = new ValidationBounds();
  /** What timers' callbacks do: delays of timers that only log or measure, tests' scripted aborts. */
  readonly timers: TimerEffects;
  /** Timers whose callback ends or fails the operation (rejects a raced promise, force-kills, reports a timeout). */
  readonly deadlines: DeadlineTimers;
  /** Timers whose callback emits an event the executor around them rejects its promise on (`emitted-rejections.ts`). */
  readonly emittedRejections: EmittedRejections;
  /** Functions whose parameter is a deadline timer's delay (`onceTimeout(ms, ...)`): their callers' literals are timeouts. */
  readonly deadlineHelpers: DeadlineHelpers;
  /** The file's own fallback helpers (`defaultIfUndefined(value, d)`): a timeout's fallback through one is its default. */
  readonly fallbackHelpers = new FallbackHelpers((node) => this.text(node));
  /** The contexts tests' callbacks get (`t` in `test("...", (t) => t.timeoutAfter(1000))`). */
  readonly testContexts = new TestContexts();
  /** The contexts a runner hands the test functions a file exports (`exports.x = function (test) { test.timeout(200) }`). */
  readonly runnerContexts = new RunnerContexts();
  /** Parameter defaults, and whether their function's body reads them (unread ones become `notDurations`). */
  readonly unreadDefaults = new UnreadDefaults();
  /** Locals stored and never read again (`deadline = Date.now() + 1000` nothing tests): they become `notDurations`. */
  readonly unreadStores = new UnreadStores();
  /** Option defaults a function only writes into text (a code generator's snippet): they become `notDurations`. */
  readonly writtenOptions = new WrittenOptions();
  /** Arguments a callee never reads (`axios(config, { timeout })`): nothing waits on them. */
  readonly ignoredArguments = new IgnoredArguments();
  /** A CDK test's construct props and template assertions (set aside when the file is one). */
  readonly cdkTests = new CdkTests();
  /** What a Serverless Framework plugin test assigns into the service (`serverless-tests.ts`). */
  readonly serverlessTests = new ServerlessTests();
  readonly mockedTransport = new MockedTransport();
  /** Dates a duration before now (`new Date(now.getTime() - claimTimeout)`): the duration is a lifetime (`age-cutoffs.ts`). */
  readonly cutoffs = new AgeCutoffs((node) => this.text(node));
  /** Number constants whose every read is discarded (`(FLUSH_TIMEOUT, callWithTimeout)(...)`): they become `notDurations`. */
  readonly discardedReads = new DiscardedReads();
  /** Parameter defaults of functions that are the wait themselves: their "no limit" is the caller's choice. */
  readonly ownWaits = new OwnWaitDefaults();
  /** Options a function rebuilds on every call from its defaults and its caller's values: their "no limit" is the caller's. */
  readonly perCall = new PerCallDefaults();
  /** Suites and tests mocha's API built (`new Suite(...)`) or documented as mocha's: their `timeout(ms)` is mocha's. */
  readonly mochaRunnables: MochaRunnables;
  /** `this.timeout(ms)` of an arrow test inside a suite's `function`: the suite's, set too late to bound anything. */
  readonly suiteThis = new SuiteThis();
  /** Initialisers of block-level `const`s (the others are collected at their declaration). */
  readonly scopedInits = new Set<EsNode>();
  /** Clock doubles a test makes and moves by hand (`TimeMock(...)`), and the tests that use them. */
  readonly mockClocks: MockClocks;
  /** Code switched off by a literal condition (`false && test(...)`, `if (false)`). */
  readonly deadCode = new DeadCode();
  /** Tests that end without waiting for anything (no `done`, `await` or returned promise). */
  readonly syncTests: SyncTests;
  /** State machines' named delays and the states that use them (`machine-delays.ts`). */
  readonly machineDelays = new MachineDelays();
  /** The key/value pairs a test expects a double to have been called with (`call-records.ts`). */
  readonly callRecords: CallRecords;

  constructor(
    readonly source: string,
    readonly extraTimeoutNames: ReadonlySet<string>,
    /** Names the other files of the package arm only timers that renew, ping or retry with (`package-facts.ts`). */
    readonly inertElsewhere: ReadonlySet<string> = new Set(),
    /** Names the other files of the package hold a wait's time spent against (`clock-deadlines.ts`). */
    readonly boundsElsewhere: ReadonlySet<string> = new Set(),
    /** Functions of the package's other modules that only sleep for their first parameter (`sleepsForFirst`). */
    readonly sleepersElsewhere: ReadonlySet<string> = new Set(),
  ) {
    this.handedNames = new Set();
    this.noWait = new NoWaitFacts(source);
    this.noLimit = new NoLimitEvidence(source);
    this.timers = new TimerEffects(source, this.functionSpans);
    this.deadlines = new DeadlineTimers(source, this.functionSpans);
    this.emittedRejections = new EmittedRejections(source);
    this.mockClocks = new MockClocks(source);
    this.deadlineHelpers = new DeadlineHelpers(source, this.functionSpans);
    this.syncTests = new SyncTests(source);
    this.callRecords = new CallRecords(source);
    this.mochaRunnables = new MochaRunnables(source);
  }

  /** Walks `program` once, collecting every fact. */
  collect(program: EsNode, visitorKeys: VisitorKeys | undefined): this {
    walk(program, visitorKeys, (node) => collectNode(this, node));
    finishWalk(this, program, visitorKeys);
    return this;
  }

  /** What the walk showed of "no limit"s reaching waits, asked with the run's known APIs (`wait-flow.ts`). */
  waitFlow(apis: readonly TimeoutApi[]): WaitFlow {
    // One per run's API list, so its answers are kept: asked after the walk, when the facts no longer change.
    if (this.flow?.apis !== apis) this.flow = { apis, flow: new WaitFlow(this.noLimit, this.zero, apis, this.modules) };
    return this.flow.flow;
  }

  /** Props handed to a component: another package's are released now, the file's own once it is known to be a test. */
  handProps(props: HandedProps | undefined): void {
    if (props?.foreign) for (const range of props.spans) this.noWait.quietIn(range);
    else if (props) this.ownComponentProps.push(...props.spans);
  }

  text(node: EsNode): string {
    const [start, end] = span(node);
    return this.source.slice(start, end);
  }

  /** Whether `name` holds a timeout in this file (`timeout-names.ts`). */
  isTimeout(name: string | undefined): name is string {
    return isTimeoutIn(this, name);
  }

  /** What this file's timers show of each timeout-looking name they are armed with (`timeout-names.ts`). */
  delayVerdicts(): { quiet: Set<string>; loud: Set<string> } {
    return delayVerdicts(this);
  }

  /**
   * `const timeoutPromise = new Promise((resolve) => setTimeout(() => resolve(null), 2e3))` later raced with an
   * operation (`Promise.race([bodyPromise, timeoutPromise])`): the timer settles the promise that ends the wait.
   */
  racesHeldPromise(timer: EsNode): boolean {
    const [start] = span(timer);
    return this.heldPromises.some(({ name, from, to }) => from <= start && start < to && this.racedNames.has(name));
  }

  /** `Promise.race([op(), waitForNoResults()])` where `waitForNoResults` returns the promise this timer settles. */
  racesThroughCall(timer: EsNode): boolean {
    const named = (name: string) => this.deadlineHelpers.spansNamed(name);
    return this.racedCalls.settlesRacedCall(timer, named, this.functionSpans, (node) => this.text(node));
  }
}
