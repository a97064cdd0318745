// The innermost function around an offset, from the spans of every function in document order (pre-order).

/** [start, end) of the innermost function in `spans` (pre-order: sorted by start) around `at`; none at the top level. */
export function innermostFunction(spans: readonly [number, number][], at: number): [number, number] | undefined {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]![0] < at) low = mid + 1;
    else high = mid;
  }
  for (let i = low - 1; i >= 0; i--) if (at < spans[i]![1]) return spans[i]!;
  return undefined;
}
