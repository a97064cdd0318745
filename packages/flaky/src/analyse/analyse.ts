import type { FailureCategory } from "../categories.ts";
import { OriginResolver, type Origin } from "../origin/resolve.ts";
import type { SqlDatabase } from "../store/sql.ts";
import { fileTimeoutFindings, testGuardFindings, type GuardFinding } from "./guard.ts";
import { originDayCounts, testCounts, type OriginDayCounts, type TestCounts } from "./query.ts";
import { percent, rateRatio, wilson } from "./stats.ts";

export interface AnalyseOptions {
  db: SqlDatabase;
  /** The repository whose tests were recorded: origins and guard findings are read from it. @default process.cwd() */
  cwd?: string;
  /** First day of the window (UTC). @default 30 days ago */
  since?: Date;
  /** The day after the window (UTC, exclusive). @default none: up to now */
  until?: Date;
  /**
   * The AI/human flake-rate ratio above which the verdict is "above threshold".
   * @default 2
   */
  ratioThreshold?: number;
  /**
   * Executions each of the `ai` and `human` groups needs before their ratio is judged; below it the
   * verdict is "not enough data" and nothing alerts.
   * @default 20
   */
  minExecutions?: number;
  /**
   * Resolve each test's origin (git blame through @org/provenance). Off, every test is `unknown`.
   * @default true
   */
  origins?: boolean;
}

/** 95 % interval as [low, high]. */
export type Interval = [number, number];

export interface TestReport {
  /** `file::name`, stable across stores. */
  id: string;
  file: string;
  name: string;
  origin: Origin;
  /** Why the origin is `unknown`. */
  originReason?: string;
  /** Share of the test's lines from AI-assisted commits, when located. */
  aiShare?: number;
  /** 1-based lines of the test in its file, when located. */
  lines?: [number, number];
  executions: number;
  failures: number;
  flakyExecutions: number;
  flakeRate: number;
  /** 95 % Wilson interval of the flake rate. */
  interval: Interval;
  failureRate: number;
  failureInterval: Interval;
  lastSeen: string;
  /** Failed in ci or staging and never in local runs (which exist). */
  ciOnly: boolean;
  /** The most common category of its failures (and failed attempts before a retry passed); null if none. */
  category: FailureCategory | null;
  lastFailure: string | null;
  /** org-guard's timeout findings in its file, for a flaky test whose failures are timeouts. */
  guardFindings: GuardFinding[];
}

export interface GroupReport {
  tests: number;
  executions: number;
  flakyExecutions: number;
  flakeRate: number;
  interval: Interval;
}

export type RatioVerdict = "not enough data" | "above threshold" | "within threshold";

export interface RatioReport {
  /** AI flake rate / human flake rate; null when the human rate is 0 or a group is empty. */
  value: number | null;
  /** 95 % Katz log interval of the ratio. */
  interval: Interval | null;
  threshold: number;
  minExecutions: number;
  verdict: RatioVerdict;
  reason: string;
}

export interface DayPoint {
  day: string;
  ai: { executions: number; flakyExecutions: number; flakeRate: number | null };
  human: { executions: number; flakyExecutions: number; flakeRate: number | null };
}

export interface FlakinessReport {
  since: string;
  groups: { ai: GroupReport; human: GroupReport; unknown: GroupReport; ratio: RatioReport };
  tests: TestReport[];
  series: DayPoint[];
}

const DAY_MS = 86_400_000;

/** Reads the store and judges every test and the AI/human groups over the window. */
export async function analyse(options: AnalyseOptions): Promise<FlakinessReport> {
  const cwd = options.cwd ?? process.cwd();
  const since = (options.since ?? new Date(Date.now() - 30 * DAY_MS)).toISOString().slice(0, 10);
  const threshold = options.ratioThreshold ?? 2;
  const minExecutions = options.minExecutions ?? 20;
  const until = options.until ? options.until.toISOString().slice(0, 10) : "9999-12-31";
  const counts = await testCounts(options.db, since, until);
  const resolver = new OriginResolver(cwd);
  const tests: TestReport[] = [];
  const testIds = new Map<TestReport, number>();
  for (const c of counts) {
    const origin =
      options.origins === false
        ? { origin: "unknown" as const, reason: "origins were not resolved" }
        : await resolver.resolve(c.file, c.name);
    const category = dominantCategory(c);
    const flakeRate = c.flaky / c.executions;
    const test: TestReport = {
      id: `${c.file}::${c.name}`,
      file: c.file,
      name: c.name,
      origin: origin.origin,
      ...(origin.reason ? { originReason: origin.reason } : {}),
      ...(origin.aiShare !== undefined ? { aiShare: origin.aiShare } : {}),
      ...(origin.location ? { lines: [origin.location.startLine, origin.location.endLine] as [number, number] } : {}),
      executions: c.executions,
      failures: c.failures,
      flakyExecutions: c.flaky,
      flakeRate,
      interval: wilson(c.flaky, c.executions),
      failureRate: c.failures / c.executions,
      failureInterval: wilson(c.failures, c.executions),
      lastSeen: c.lastSeen,
      ciOnly: c.ciFailures > 0 && c.localExecutions > 0 && c.localFailures === 0,
      category,
      lastFailure: c.failures > 0 || c.flaky > 0 ? c.lastFailure : null,
      guardFindings: [],
    };
    tests.push(test);
    testIds.set(test, c.testId);
  }
  const checked = new Map<string, Promise<GuardFinding[]>>();
  for (const test of tests) {
    if (test.category === "timeout" && test.flakyExecutions > 0) {
      if (!checked.has(test.file)) checked.set(test.file, fileTimeoutFindings(cwd, test.file));
      const findings = await checked.get(test.file)!;
      test.guardFindings = testGuardFindings(findings, test.lines, await resolver.locations(test.file));
    }
  }
  tests.sort(
    (a, b) => b.flakeRate - a.flakeRate || b.failureRate - a.failureRate || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const group = (origin: Origin) => groupOf(tests.filter((t) => t.origin === origin));
  const ai = group("ai");
  const human = group("human");
  const known = new Map<number, "ai" | "human">();
  for (const t of tests) if (t.origin === "ai" || t.origin === "human") known.set(testIds.get(t)!, t.origin);
  return {
    since,
    groups: { ai, human, unknown: group("unknown"), ratio: judgeRatio(ai, human, threshold, minExecutions) },
    tests,
    series: series(await originDayCounts(options.db, since, until, known)),
  };
}

function dominantCategory(c: TestCounts): FailureCategory | null {
  const ranked: [FailureCategory, number][] = [
    ["timeout", c.timeouts],
    ["network", c.network],
    ["assertion", c.assertions],
    ["other", c.others],
  ];
  const [category, n] = ranked.reduce((best, next) => (next[1] > best[1] ? next : best));
  return n > 0 ? category : null;
}

function groupOf(tests: readonly TestReport[]): GroupReport {
  const executions = tests.reduce((sum, t) => sum + t.executions, 0);
  const flakyExecutions = tests.reduce((sum, t) => sum + t.flakyExecutions, 0);
  return {
    tests: tests.length,
    executions,
    flakyExecutions,
    flakeRate: executions === 0 ? 0 : flakyExecutions / executions,
    interval: wilson(flakyExecutions, executions),
  };
}

/** The seed's "AI tests flake more than 2x human tests", judged only with enough data on both sides. */
export function judgeRatio(ai: GroupReport, human: GroupReport, threshold: number, minExecutions: number): RatioReport {
  const { value, interval } = rateRatio(ai.flakyExecutions, ai.executions, human.flakyExecutions, human.executions);
  const base = { value, interval, threshold, minExecutions };
  const short = [
    ai.executions < minExecutions ? `ai has ${ai.executions}` : "",
    human.executions < minExecutions ? `human has ${human.executions}` : "",
  ].filter(Boolean);
  if (short.length > 0) {
    return {
      ...base,
      verdict: "not enough data",
      reason: `${short.join(" and ")} executions; each group needs ${minExecutions} (--min-executions)`,
    };
  }
  const rates = `ai ${percent(ai.flakeRate)} (${ai.flakyExecutions}/${ai.executions}) vs human ${percent(human.flakeRate)} (${human.flakyExecutions}/${human.executions})`;
  if (ai.flakyExecutions === 0)
    return { ...base, verdict: "within threshold", reason: `AI tests had no flaky executions: ${rates}` };
  if (value === null)
    return { ...base, verdict: "above threshold", reason: `AI tests flaked and human tests never did: ${rates}` };
  const above = value > threshold;
  return {
    ...base,
    verdict: above ? "above threshold" : "within threshold",
    reason: `${rates}: ratio ${value.toFixed(2)} (95 % CI ${interval![0].toFixed(2)}-${interval![1].toFixed(2)}) ${above ? ">" : "<="} ${threshold}`,
  };
}

export { percent } from "./stats.ts";

function series(days: readonly OriginDayCounts[]): DayPoint[] {
  const byDay = new Map<string, DayPoint>();
  for (const d of days) {
    let point = byDay.get(d.day);
    if (!point) {
      point = {
        day: d.day,
        ai: { executions: 0, flakyExecutions: 0, flakeRate: null },
        human: { executions: 0, flakyExecutions: 0, flakeRate: null },
      };
      byDay.set(d.day, point);
    }
    point[d.origin].executions += d.executions;
    point[d.origin].flakyExecutions += d.flaky;
  }
  const points = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
  for (const p of points)
    for (const g of [p.ai, p.human]) g.flakeRate = g.executions ? g.flakyExecutions / g.executions : null;
  return points;
}
