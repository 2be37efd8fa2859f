/**
 * The deviance term `bd0(x, m) = x ln(x/m) + m − x` (≥ 0), computed without cancellation when x ≈ m.
 *
 * It is the exponent of a Poisson or binomial probability once the Stirling terms are split off:
 * m^x e^(−m) / Γ(x + 1) = exp(−bd0(x, m) − S(x)) / √(2πx). For |x − m| < 0.1(x + m) the series
 * bd0 = (x − m)v + 2x Σ_{j≥1} v^(2j+1)/(2j + 1), v = (x − m)/(x + m), keeps full relative precision.
 *
 * Reference: C. Loader, "Fast and accurate computation of binomial probabilities" (2000).
 *
 * @param x - non-negative number.
 * @param m - positive number.
 * @returns bd0(x, m); 0 when x = m.
 * @example
 * binomialDeviance(10, 10); // => 0
 */
export function binomialDeviance(x: number, m: number): number {
  if (x === 0) return m;
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    const v2 = v * v;
    let s = (x - m) * v;
    let ej = 2 * x * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v2;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}
