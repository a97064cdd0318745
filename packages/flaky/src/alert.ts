import type { FlakinessReport } from "./analyse/analyse.ts";
import { percent } from "./analyse/stats.ts";

export interface AlertOptions {
  /**
   * A test alerts when its failure rate is above this, with 95 % confidence (the Wilson interval's
   * lower bound): the seed's "failure rate spiking past 5 %".
   * @default 0.05
   */
  testRate?: number;
  /**
   * Executions a test needs before its failure rate can alert.
   * @default 20
   */
  minTestExecutions?: number;
}

export interface Alert {
  kind: "ratio" | "test";
  /** The test's id for `test` alerts. */
  test?: string;
  message: string;
}

export interface AlertResult {
  alerts: Alert[];
  /** Why the ratio did not alert, when it did not (e.g. "not enough data: ..."). */
  notes: string[];
}

/**
 * Below 20 executions one failure is already more than 5 %, so a 5 % failure rate cannot be told apart
 * from a single unlucky run: a test is judged from 20 on.
 */
export const DEFAULT_MIN_TEST_EXECUTIONS = 20;

/** The seed's two alerts: AI tests flaking at more than the threshold times human tests, and any test failing past 5 %. */
export function alerts(report: FlakinessReport, options: AlertOptions = {}): AlertResult {
  const testRate = options.testRate ?? 0.05;
  const minTestExecutions = options.minTestExecutions ?? DEFAULT_MIN_TEST_EXECUTIONS;
  const result: AlertResult = { alerts: [], notes: [] };
  const { ratio } = report.groups;
  if (ratio.verdict === "above threshold") {
    result.alerts.push({
      kind: "ratio",
      message: `AI tests flake at more than ${ratio.threshold}x the human rate: ${ratio.reason}`,
    });
  } else if (ratio.verdict === "not enough data") {
    result.notes.push(`AI/human ratio: not enough data: ${ratio.reason}`);
  } else {
    result.notes.push(`AI/human ratio within threshold: ${ratio.reason}`);
  }
  for (const test of report.tests) {
    if (test.executions < minTestExecutions || test.failureInterval[0] <= testRate) continue;
    result.alerts.push({
      kind: "test",
      test: test.id,
      message:
        `${test.id} (${test.origin}) fails ${percent(test.failureRate)} of runs (${test.failures}/${test.executions}; ` +
        `95 % CI ${percent(test.failureInterval[0])}-${percent(test.failureInterval[1])}) > ${percent(testRate)}` +
        `${test.category ? `; failures are ${test.category}` : ""}${test.ciOnly ? "; only in CI, never locally" : ""}` +
        (test.guardFindings.length
          ? `; hardcoded timeout at ${test.guardFindings.map((f) => `${f.file}:${f.line}`).join(", ")}`
          : ""),
    });
  }
  return result;
}
