/** z for a two-sided 95 % interval. */
const Z = 1.959963984540054;

/** 95 % Wilson score interval of a proportion x/n ([0, 1] when n is 0). */
export function wilson(x: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = x / n;
  const denominator = 1 + (Z * Z) / n;
  const centre = (p + (Z * Z) / (2 * n)) / denominator;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The ratio of two rates (x1/n1) / (x2/n2) with a 95 % Katz log interval. Zero counts get 0.5 added
 * to both cells for the interval (Haldane), so it stays finite; the point estimate is null when the
 * second rate is 0.
 */
export function rateRatio(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): { value: number | null; interval: [number, number] | null } {
  if (n1 === 0 || n2 === 0) return { value: null, interval: null };
  const value = x2 === 0 ? null : x1 / n1 / (x2 / n2);
  const zero = x1 === 0 || x2 === 0;
  const a = zero ? x1 + 0.5 : x1;
  const b = zero ? x2 + 0.5 : x2;
  const m1 = zero ? n1 + 0.5 : n1;
  const m2 = zero ? n2 + 0.5 : n2;
  const log = Math.log(a / m1 / (b / m2));
  const se = Math.sqrt(1 / a - 1 / m1 + 1 / b - 1 / m2);
  return { value, interval: [Math.exp(log - Z * se), Math.exp(log + Z * se)] };
}

/** A rate as a percentage with one decimal, as every output prints it: `12.5 %`. */
export const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
