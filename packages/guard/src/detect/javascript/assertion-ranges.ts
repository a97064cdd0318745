// Where nothing waits because the value is only compared: a site inside an assertion's arguments (`facts.ts`
// collects their ranges, merged and in document order) or inside an object declared only to be compared or read by
// tests that end without waiting (`expected-values.ts`).
import { type EsNode, span } from "./ast.ts";
import { onlyAsserted, onlyInSyncTests, onlyReadQuietly } from "./expected-values.ts";
import type { FileFacts } from "./facts.ts";

/** The spans of a file whose values are only asserted on. */
export class AssertionRanges {
  /** Objects declared only to be compared (`const expected = { connectionTimeout: 0 }` used in assertions alone). */
  private readonly expected: [number, number][] = [];

  constructor(private readonly facts: FileFacts) {}

  /**
   * `const expected = { connectionTimeout: 0, ... }` used only as an assertion's argument: expected data;
   * `const conn = new C({ timeout: 10000 })` only checked (`expect(conn.timeout)`): nothing waits.
   * `const OPTS = { timeout: 5 }` read only in tests that end without waiting: nothing waits on it either; a test's
   * `const requestTimeoutMillis = 1000` read only where nothing waits. Runs once the quiet ranges are all known.
   */
  collectExpected(): void {
    const facts = this.facts;
    const inSync = (at: number) => facts.syncTests.has(at);
    const quiet = (at: number) => facts.noWait.quiet(at);
    for (const { uses, init } of facts.expected.values)
      if (onlyAsserted(uses) || onlyInSyncTests(uses, init, inSync)) this.expected.push(span(init));
      // The site of `const t = 1000` is its declarator: from the name on.
      else if (onlyReadQuietly(uses, quiet)) this.expected.push([uses.own[0]!, span(init)[1]]);
  }

  /** `node` starts inside an assertion or an expected-values object. */
  has(node: EsNode): boolean {
    const [start] = span(node);
    if (this.expected.some(([from, to]) => from <= start && start < to)) return true;
    // The ranges are merged and in document order: the last one starting at or before `start` decides.
    const ranges = this.facts.assertionRanges;
    let low = 0;
    let high = ranges.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ranges[mid]![0] <= start) low = mid + 1;
      else high = mid;
    }
    return low > 0 && start < ranges[low - 1]![1];
  }
}
