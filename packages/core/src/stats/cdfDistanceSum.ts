/**
 * The merge pass over two sorted samples shared by the CDF distances ({@link wassersteinDistanceSorted}, p = 1;
 * {@link energyDistanceSorted}, p = 2). Internal: not exported from the package barrel.
 */

/**
 * (n_u·n_v)ᵖ · ∫ |U(t) − V(t)|ᵖ dt for the empirical CDFs U and V of two ascending, non-empty, finite samples
 * (the caller checks them), by one merge pass, O(n_u + n_v).
 *
 * The integral is scipy's `_cdf_distance(p, u, v)` (scipy 1.10.1) before its p-th root. Both CDFs are step
 * functions, so it is Σₖ |U(zₖ) − V(zₖ)|ᵖ·(zₖ₊₁ − zₖ) over the pooled sorted values z. We accumulate the integer
 * differences |i·n_v − j·n_u|ᵖ (i, j = counts of u and v at or below zₖ) and leave the division by (n_u·n_v)ᵖ and
 * the root to the caller, which divides once at the end.
 *
 * @param u first sample, ascending.
 * @param v second sample, ascending.
 * @param p the power: 1 (Wasserstein-1) or 2 (energy distance).
 * @returns the unnormalised sum.
 */
export function cdfDistanceSum(u: ArrayLike<number>, v: ArrayLike<number>, p: 1 | 2): number {
  const nu = u.length;
  const nv = v.length;
  let i = 0;
  let j = 0;
  // z is the pooled value just consumed; after consuming it, i and j count the values ≤ z whenever the next
  // pooled value is larger (when it is equal the width is 0 and the term vanishes). Starting from z = the smallest
  // value with nothing consumed adds one zero term (d = 0, width 0) and keeps a branch that only the first value
  // would take out of the function: such a branch, first taken by a later call, deoptimised the pass (2× slower).
  let z = Math.min(u[0], v[0]);
  let sum = 0;
  while (i < nu || j < nv) {
    const takeU = j >= nv || (i < nu && u[i] <= v[j]);
    const next = takeU ? u[i] : v[j];
    const d = i * nv - j * nu;
    sum += (p === 1 ? Math.abs(d) : d * d) * (next - z);
    if (takeU) i++;
    else j++;
    z = next;
  }
  return sum;
}
