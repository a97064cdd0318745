// The judgement of one file's sites (the findings): every site the walk collected is judged after it, in document
// order, by what the file's facts (`facts.ts`) and its package's facts (`package-facts.ts`) show.
import { type PacedFields, pacedFieldRanges } from "./paced-fields.ts";
import { TEST_FOLDER } from "./test-folders.ts";
import { uncompilePrivateFields } from "./private-fields.ts";
import { hardcodedMessage, unboundedMessage } from "../../messages.ts";
import type { DetectorOptions, RawFinding } from "../types.ts";
import { destinationOf, type EsNode, span } from "./ast.ts";
import { endsWait } from "./timer-verdicts.ts";
import { Classifier } from "./classify.ts";
import { missingClientTimeouts } from "./client-defaults.ts";
import { bareNodeRequests } from "./node-requests.ts";
import { Constants } from "./constants.ts";
import type { HelperParameters } from "./deadline-helpers.ts";
import { type RetryFields, retryFieldRanges } from "./retry-fields.ts";
import { FileFacts } from "./facts.ts";
import { namesHandedToWaits } from "./handed-option-names.ts";
import { innermostFunction } from "./function-spans.ts";
import { judgeSite, type SiteJudge } from "./sites.ts";
import { sqlTimeouts } from "./sql.ts";
import { switchesOff } from "./switch-off.ts";
import type { VisitorKeys } from "./walk.ts";
import { type Classified, kindOf } from "./values.ts";
import type { NamesReachingWait } from "./wait-flow.ts";
import { tableProperties } from "./option-merges.ts";
import { optionsApiAt } from "./options-receiver.ts";
import type { MeaningSite } from "./meaning.ts";
import { AssertionRanges } from "./assertion-ranges.ts";
import { isCannedData } from "./canned-data.ts";
import { markSums } from "./sums.ts";
import { markUnreadPackageNames } from "./unread-package-names.ts";
import { markBackoffFields } from "./backoff-fields.ts";
import { type UnboundedJudge, unboundedVerdict } from "./unbounded-verdict.ts";

export interface JsDetectorOptions extends DetectorOptions {
  /** Child keys per node type (oxc-parser's or ESLint's `visitorKeys`); unknown types fall back to every key. */
  visitorKeys?: VisitorKeys;
  /** What the other files of the package show (`package-facts.ts`); without it a file is judged alone. */
  packageFacts?: NamesReachingWait & {
    readonly inert?: ReadonlySet<string>;
    readonly helpers?: HelperParameters;
    /** Package functions whose parameter's field is only a pause between tries (`retry-fields.ts`). */
    readonly retries?: RetryFields;
    /** Package functions and methods whose parameter's field is only a pacing interval's period (`paced-fields.ts`). */
    readonly periods?: PacedFields;
    /**
     * Timeout-like statics and exports no file of the package names but to define (`unread-package-names.ts`), and
     * `table.key` for a key no code reads of a table read only key by key (`unread-table-keys.ts`).
     */
    readonly unread?: ReadonlySet<string>;
    /** Timeout-like fields the package reads only scaled by a count of tries (`backoff-fields.ts`). */
    readonly backoffs?: ReadonlySet<string>;
    /** Names some file of the package holds a wait's time spent against (`clock-deadlines.ts`). */
    readonly bounds?: ReadonlySet<string>;
    /** Functions of the package's modules that only sleep for their first parameter (`sleeps.ts`). */
    readonly sleepers?: ReadonlySet<string>;
    /** Some file of the package sets an HTTP client's default timeout (`client-defaults.ts`). */
    readonly clientTimeout?: boolean;
    /** This file's defaults table keys another module shows reaching a wait once merged (`option-merges.ts`). */
    readonly table?: NamesReachingWait;
  };
}

/** A path inside a tests folder. */

/** The judgement of one file's sites, from the facts of its one walk (`FileFacts`). */
export class JsDetector implements SiteJudge, MeaningSite, UnboundedJudge {
  private readonly findings = new Map<string, RawFinding>();
  /** Initialisers of locals declared `const t = x.timeout || 5000` (the fallback is judged with its local). */
  readonly windowFallbacks = new Set<EsNode>();
  /** Assertions and objects declared only to be compared: nothing waits on their values. */
  private readonly assertions: AssertionRanges;
  readonly facts: FileFacts;
  readonly apis: JsDetectorOptions["apis"];
  readonly packageHelpers: HelperParameters | undefined;
  readonly visitorKeys: VisitorKeys | undefined;
  constants!: Constants;
  classifier!: Classifier;
  /** The name the site being judged stores its value under (`idleTimeout` for `this.idleTimeout = 0`). */
  siteName: string | undefined;
  /** The node type of the site being judged (a parameter default, a declarator, a property, ...). */
  siteType: string | undefined;
  /** The site being judged. */
  site: EsNode | undefined;
  /** Properties of the file's top-level object literals, when another module merges one (`option-merges.ts`). */
  private tableEntries: Set<EsNode> | undefined;
  /** Values that are a pause between tries of a package function (`retry-fields.ts`). */
  private retryPauses: [number, number][] = [];

  constructor(
    private readonly options: JsDetectorOptions,
    private readonly source: string,
  ) {
    this.facts = new FileFacts(
      source,
      options.extraTimeoutNames,
      options.packageFacts?.inert,
      options.packageFacts?.bounds,
      options.packageFacts?.sleepers,
    );
    this.apis = options.apis;
    this.packageHelpers = options.packageFacts?.helpers;
    this.visitorKeys = options.visitorKeys;
    this.assertions = new AssertionRanges(this.facts);
  }

  run(program: EsNode): RawFinding[] {
    // One walk collects every fact; constants must all be known before any site is judged, so
    // sites are judged after it, in document order.
    // A tests folder's module of JSON-style data: nothing in it waits (`canned-data.ts`).
    if (isCannedData(program, this.options.path)) return [];
    uncompilePrivateFields(program, this.source, this.options.visitorKeys);
    const facts = this.facts.collect(program, this.options.visitorKeys);
    markUnreadPackageNames(program, facts.sites, this.options.packageFacts?.unread, this.source, facts.notDurations);
    const backoffs = this.options.packageFacts?.backoffs;
    markBackoffFields(facts.sites, backoffs, facts.notDurations);
    markSums(facts.sites, this.source, facts.notDurations);
    if (this.options.packageFacts?.table) this.tableEntries = tableProperties(program);
    this.retryPauses = [
      ...retryFieldRanges(program, this.options.packageFacts?.retries),
      ...pacedFieldRanges(program, this.options.packageFacts?.periods),
    ];
    for (const text of facts.sqlTexts) {
      const [at] = span(text);
      if (!facts.messageTexts.some(([from, to]) => from <= at && at < to)) this.checkSqlTimeout(text);
    }
    facts.handedNames = namesHandedToWaits(facts, this.apis);
    this.constants = new Constants(facts);
    this.classifier = new Classifier(facts, this.constants);
    facts.noWait.finish((at) => this.functionAt(at));
    facts.deadCode.finish(this.source);
    for (const scope of facts.mockClocks.scopes((at) => this.functionAt(at))) facts.noWait.quietIn(scope);
    for (const range of facts.cdkTests.setAside(this.options.path)) facts.noWait.quietIn(range);
    for (const range of facts.serverlessTests.setAside(this.options.path)) facts.noWait.quietIn(range);
    for (const range of facts.mockedTransport.setAside(this.options.path, this.source)) facts.noWait.quietIn(range);
    this.assertions.collectExpected();
    facts.deadlineHelpers.finish((timer, within) => endsWait(facts, timer, within));
    facts.noWait.doubles.waits(facts.deadlineHelpers.parameters);
    for (const site of facts.sites) if (!this.assertions.has(site)) this.visit(site);
    // `if (Date.now() - start > 5000) throw ...` in a poll: the most time the wait may spend, written in place.
    for (const { literal } of facts.deadlineHelpers.clock.bounds())
      if (literal && !this.assertions.has(literal))
        this.report(literal, "as the most time a wait may spend before it fails (held against the clock)");
    // A file under a tests folder (a helper driving a local emulator): the test runner's own timeout bounds it.
    const clientDefault =
      this.options.packageFacts?.clientTimeout === true || TEST_FOLDER.test(this.options.path ?? "");
    for (const finding of missingClientTimeouts(
      program,
      this.source,
      facts.modules,
      this.options.visitorKeys,
      clientDefault,
    ))
      if (!facts.deadCode.has(finding.start) && !this.findings.has(`${finding.start}:${finding.end}`))
        this.addFinding(finding);
    // `https.get(options, cb)` with nothing near it bounding the request (`node-requests.ts`).
    if (!clientDefault)
      for (const finding of bareNodeRequests(program, this.source, facts.modules, this.options.visitorKeys))
        if (!facts.deadCode.has(finding.start) && !this.findings.has(`${finding.start}:${finding.end}`))
          this.addFinding(finding);
    return [...this.findings.values()].sort((a, b) => a.start - b.start);
  }

  /** The innermost function around `at` (the whole file at the top level). */
  functionAt(at: number): [number, number] {
    return innermostFunction(this.facts.functionSpans, at) ?? [0, this.source.length];
  }

  /** A local whose function (callbacks included) passes it as a measurement window's delay (see `windowDelays`). */
  isWindowDelay(name: string, node: EsNode): boolean {
    const timers = this.facts.windowDelays.get(name);
    if (!timers) return false;
    const [at] = span(node);
    const [from, to] = this.functionAt(at);
    return timers.some((timer) => timer > at && from <= timer && timer < to);
  }

  /** `SET LOCAL lock_timeout = 30000;`, `PRAGMA busy_timeout = 5000;` in SQL the code sends (`sql.ts`). */
  private checkSqlTimeout(node: EsNode): void {
    for (const { literal, text, setting } of sqlTimeouts(node, this.source)) {
      const [start, end] = span(literal);
      const key = `${start}:${end}`;
      if (this.findings.has(key) || this.assertions.has(node)) continue;
      this.add(kindOf(literal.value as number), literal, text, `in SQL (${setting})`, false);
      // Inside a string: an editor suggestion that swaps in `config.TIMEOUT` would break the SQL. `add` drops
      // a value nothing waits on (SQL handed to a fake), so there may be no finding to mark.
      const finding = this.findings.get(key);
      if (finding) finding.replaceable = false;
    }
  }

  /**
   * Reports the hardcoded or unbounded values `value` holds. `zeroIsUnbounded` is what a 0 means to the API
   * the value is given to, when the caller knows it; otherwise the site decides (`meaning.ts`).
   */
  report(value: EsNode, where: string, zeroIsUnbounded?: boolean, isTest = false, negativeIsUnbounded = false): void {
    for (const item of this.classifier.classify(value)) {
      // `-1`: a sentinel ("unset"), not a duration; to an API that documents it so (Cucumber's setter, birpc's
      // options), "no limit".
      const options =
        item.negative || item.kind === "unbounded" ? optionsApiAt(this.facts, this.apis, item.node) : undefined;
      // `DEFAULT_REQUEST_TIMEOUT = -1; // No timeout by default` (@metamask/multichain-api-client, fresh239): the
      // code's own comment says its -1 is "no limit".
      if (
        item.negative &&
        (negativeIsUnbounded ||
          options?.negativeIsUnbounded ||
          (item.literal.replace(/\s/g, "") === "-1" &&
            this.facts.noLimit.documented(this.siteName, span(item.node)[0]) &&
            // `acquire(mode, timeout = -1)` documented "-1 for infinite": the wait's own default, its caller's choice.
            !this.facts.ownWaits.isParameterDefault(item.node)))
      )
        this.add("unbounded", item.node, item.literal, where, isTest);
      if (item.negative) continue;
      // birpc's `timeout: 0` rejects every call at once: no wait to bound, so no timeout to move to config.
      if (options?.zeroRejectsAtOnce && this.constants.evaluate(item.node) === 0) continue;
      // An axios config's `timeout` 0 is axios' "no limit" whatever the file does with other values of that name.
      const axios = this.site !== undefined && this.facts.axiosConfigTimeouts.has(this.site);
      if (item.kind === "unbounded" && !axios && switchesOff(this.facts, this.constants, this.siteName, item)) continue;
      const kind = item.kind === "unbounded" ? unboundedVerdict(this, item, zeroIsUnbounded) : item.kind;
      if (kind !== undefined) this.add(kind, item.node, item.literal, where, isTest);
    }
  }

  /**
   * A defaults table's `connectTimeout: 0`, `this.timeout = opts.timeout || 0`: the wait that reads the value is
   * often in another file of the package, which shows the name (or the name the value is stored under) reaching one.
   */
  reachesWaitElsewhere(zero: boolean): boolean {
    const names = zero ? this.options.packageFacts?.zero : this.options.packageFacts?.infinite;
    if (!names) return false;
    const stored = this.facts.noLimit.destinationOf(this.site);
    if ((this.siteName !== undefined && names.has(this.siteName)) || (stored !== undefined && names.has(stored)))
      return true;
    // `module.exports = { timeout: 0 }` merged by another module into the object whose `timeout` it arms a timer with.
    const table = this.options.packageFacts?.table;
    return (
      this.siteName !== undefined &&
      this.site !== undefined &&
      (zero ? table?.zero : table?.infinite)?.has(this.siteName) === true &&
      this.tableEntries?.has(this.site) === true
    );
  }

  add(kind: Classified["kind"], node: EsNode, literal: string, where: string, isTest: boolean): void {
    const [start, end] = span(node);
    // Switched off (`false && test(...)`): nothing there runs, a test's own timeout included.
    if (this.facts.deadCode.has(start)) return;
    // On a fake clock, given to a double, shown on screen: nothing waits (a test runner's own timeout still runs).
    if (!isTest && (this.facts.noWait.quiet(start) || this.facts.timers.inert(start))) return;
    // `{ requestTimeoutMillis }` handed to a mocked transport, its value a `const` of the test: quiet where it is used.
    if (!isTest && this.site !== undefined && this.facts.noWait.quiet(span(this.site)[0])) return;
    // In a test that ends without waiting (no `done`, `await` or returned promise): nothing there waits on it.
    if (!isTest && this.facts.syncTests.has(start)) return;
    // The pause between two tries of a package function that retries itself with it, or the period of its interval.
    if (!isTest && this.retryPauses.some(([from, to]) => from <= start && start < to)) return;
    // A test's `timeout: 234` that an expected call of a stub repeats: the value reached the double.
    if (!isTest && this.facts.callRecords.recorded(this.site, node)) return;
    const key = `${start}:${end}`;
    if (this.findings.has(key)) return;
    this.findings.set(key, {
      ruleId: kind === "hardcoded" ? "no-hardcoded-timeout" : "no-unbounded-timeout",
      start,
      end,
      message:
        kind === "hardcoded"
          ? hardcodedMessage(literal, where, "js", isTest)
          : unboundedMessage(literal, where, "js", isTest),
      replaceable: true,
    });
  }

  addFinding(finding: RawFinding): void {
    this.findings.set(`${finding.start}:${finding.end}`, finding);
  }

  private visit(node: EsNode): void {
    if (this.facts.notDurations.has(node)) return;
    this.siteName = destinationOf(node)?.name;
    this.siteType = node.type;
    this.site = node;
    judgeSite(this, node);
  }
}
