// Questions a Python file's own text answers (cheap mentions, clock calls, the file without strings and comments,
// names only compared, canned fixture data): the base of `PyFacts`, which adds what its one pass collects.
import type { Node as TsNode } from "web-tree-sitter";
import type { DetectorOptions } from "../types.ts";
import { inCannedValue, isFixtureData } from "./fixture-data.ts";
import { isPacingWait } from "./pacing.ts";
import { waitsOnUnsetEvent } from "./unset-events.ts";
import { withoutText } from "./syntax.ts";
import { assignedName, comparedOnly } from "./uses.ts";

// Clocks a deadline is computed from: `time.time()`, `time.monotonic()`, `loop.time()`, trio's `current_time()`.
const CLOCKS = /(^|\.)(time|monotonic|perf_counter|current_time|now|utcnow|time_ns|monotonic_ns|clock)$/;

export class FileText {
  // The file without strings and comments, made on the first question that needs it (`comparedOnly`).
  private code: string | undefined;
  // `comparedOnly` per name, once per file.
  private readonly comparedOnlyNames = new Map<string, boolean>();
  // Whether the file is a fixtures module of data only (`fixture-data.ts`), once per file.
  private fixtureData: boolean | undefined;

  constructor(
    readonly options: DetectorOptions,
    protected readonly source: string,
  ) {}

  // `HTTPX_DEFAULT_TIMEOUT = Timeout(5.0)` whose every use is `client.timeout != HTTPX_DEFAULT_TIMEOUT`: the value
  // is assigned to a name the file only compares for equality, a default restated to recognise it.
  restatedForComparison(value: TsNode): boolean {
    const name = assignedName(value);
    if (name === undefined) return false;
    let result = this.comparedOnlyNames.get(name);
    if (result === undefined) {
      this.code ??= withoutText(this.source);
      result = comparedOnly(this.code, name);
      this.comparedOnlyNames.set(name, result);
    }
    return result;
  }

  // A literal inside a response body of a module of canned data in a fixtures folder (SoftLayer's fake API
  // responses): nothing in it waits.
  inFixtureData(node: TsNode): boolean {
    if (!inCannedValue(node)) return false;
    return (this.fixtureData ??= isFixtureData(this.options.path, node.tree.rootNode));
  }

  // The file without strings and comments (`withoutText`), made once.
  fileCode(): string {
    return (this.code ??= withoutText(this.source));
  }

  // The file as written (strings and comments included).
  fileSource(): string {
    return this.source;
  }

  // How many of the package's Python files mention a timeout-looking word (the package pass's `words`); undefined
  // without package facts or for a word it did not count: unknown, never "unread".
  packageMentions(word: string): number | undefined {
    const words = this.options.python?.words;
    return words && Object.hasOwn(words, word) ? words[word] : undefined;
  }

  // `while not stop.wait(0.25): redraw()`: a wait that paces a loop or delays a retry (`isPacingWait`); `e.wait(0.01)`
  // on a local event nothing can set, a sleep (`waitsOnUnsetEvent`).
  isPacingWait(call: TsNode): boolean {
    return isPacingWait(call, () => (this.code ??= withoutText(this.source))) || waitsOnUnsetEvent(call);
  }

  // The node's text mentions a deadline (read from the source): a cheap test before reading its children.
  mayNameDeadline(node: TsNode): boolean {
    return /deadline/i.test(this.source.slice(node.startIndex, node.endIndex));
  }

  // The node's text mentions a timeout (read from the source, not the tree): a cheap test before reading its children.
  mayNameTimeout(node: TsNode): boolean {
    return /time_?out/i.test(this.source.slice(node.startIndex, node.endIndex));
  }

  // `time.monotonic()`, `loop.time()`, `datetime.now()`: a call that reads a clock.
  isClock(call: TsNode): boolean {
    return CLOCKS.test(call.childForFieldName("function")?.text ?? "");
  }
}
