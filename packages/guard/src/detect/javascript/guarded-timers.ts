// Whether a test for being set guards a timer armed with the same value: "armed only when set", so the value's 0 means
// "no timer". The test and the timer must be one value's flow: in one function (callbacks included), or on one member
// path read in two functions. A name tested in one function and armed in another on a different object only shares a
// word: a constructor's `options.timeout ? ... : ...` and a request's `setTimeout(..., req.timeout)` in net-snmp's
// 7,000-line bundle.
import { calleePath, type EsNode, span } from "./ast.ts";
import { innermostFunction } from "./function-spans.ts";

/** Collected during the one walk by `ZeroFacts`; asked after it. */
export class GuardedTimers {
  /** Where each name arms a timer (ascending once `guarded` first sorts them). */
  private readonly armedAt = new Map<string, number[]>();
  /** Member paths tested and armed, by name (`this._opts.timeout`): one object's setting wherever it is read. */
  private readonly testedPaths = new Map<string, Set<string>>();
  private readonly armedPaths = new Map<string, Set<string>>();
  /** `guarded` per name. */
  private readonly known = new Map<string, boolean>();

  /** `functionSpans`: [start, end) of every function in document order, filled by the same walk. */
  constructor(private readonly functionSpans: readonly [number, number][]) {}

  armed(name: string, node: EsNode): void {
    push(this.armedAt, name, span(node)[0]);
    addPath(this.armedPaths, name, node);
  }

  tested(name: string, node: EsNode): void {
    addPath(this.testedPaths, name, node);
  }

  /**
   * Whether a test of `name` at one of `testedAt` guards a timer armed with it: the test's function (callbacks
   * included) arms one, or the same member path is armed elsewhere.
   */
  guarded(name: string, testedAt: readonly number[]): boolean {
    let guarded = this.known.get(name);
    if (guarded !== undefined) return guarded;
    const armed = (this.armedAt.get(name) ?? []).sort((a, b) => a - b);
    const paths = this.armedPaths.get(name);
    guarded =
      [...(this.testedPaths.get(name) ?? [])].some((path) => paths?.has(path)) ||
      testedAt.some((at) => {
        const [from, to] = innermostFunction(this.functionSpans, at) ?? [0, Number.POSITIVE_INFINITY];
        return within(armed, from, to);
      });
    this.known.set(name, guarded);
    return guarded;
  }
}

/** Whether one of the ascending `offsets` lies in `[from, to)`. */
function within(offsets: readonly number[], from: number, to: number): boolean {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid]! < from) low = mid + 1;
    else high = mid;
  }
  return low < offsets.length && offsets[low]! < to;
}

/** `this._opts.timeout`: a member path with its object (a bare local is no path: each function has its own). */
function addPath(paths: Map<string, Set<string>>, name: string, node: EsNode): void {
  const path = node.type === "MemberExpression" ? calleePath(node) : undefined;
  if (path === undefined || path.includes("<")) return;
  const set = paths.get(name);
  if (set) set.add(path);
  else paths.set(name, new Set([path]));
}

function push<T>(map: Map<string, T[]>, name: string, item: T): void {
  const list = map.get(name);
  if (list) list.push(item);
  else map.set(name, [item]);
}
