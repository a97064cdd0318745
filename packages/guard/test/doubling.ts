import { expect, vi } from "vitest";

/**
 * How far the work of a check may grow when its generated input doubles: about twice (linear, with room for a file's
 * fixed work), never the four times of a quadratic rule. The evidence is this ratio of counts, never a wall time: a
 * loaded machine stretches every check alike, so a count is the same under any load and a time is not.
 */
export const LINEAR_GROWTH = 2.5;

/**
 * The work `run` makes a spied method do, counted: the sum of `weigh` over what each call returned (one per call by
 * default; the length of a returned string or list to count what was read). The spy is removed afterwards.
 */
export async function workDone<T extends object>(
  object: T,
  method: keyof T & string,
  run: () => Promise<void>,
  weigh: (returned: unknown) => number = () => 1,
): Promise<number> {
  const spy = vi.spyOn(object, method as never);
  try {
    await run();
    return spy.mock.results.reduce((sum, result) => sum + (result.type === "return" ? weigh(result.value) : 0), 0);
  } finally {
    spy.mockRestore();
  }
}

/**
 * `measure` (the work counted on a generated input of size n) on `n` and on `2n`: the larger input's work is at most
 * `limit` times the smaller's (`LINEAR_GROWTH` unless given; 1 for work done once per file whatever its size).
 */
export async function expectGrowthOnDoubling(
  measure: (n: number) => Promise<number>,
  n: number,
  limit = LINEAR_GROWTH,
): Promise<void> {
  const small = await measure(n);
  const large = await measure(2 * n);
  expect(small, "the smaller input does some of the counted work").toBeGreaterThan(0);
  expect(large / small, `work ${small} on ${n}, ${large} on ${2 * n}`).toBeLessThanOrEqual(limit);
}
