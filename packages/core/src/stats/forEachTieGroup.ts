/**
 * The merge pass over the tie groups of two sorted samples shared by the rank tests ({@link mannWhitneyUSorted},
 * {@link cramerVonMises2SampSorted}). Internal: not exported from the package barrel.
 */

/**
 * Walks the distinct values of the pooled sample x ∪ y in ascending order, one call per tie group, O(n_x + n_y).
 *
 * For each distinct value, `visit(i, j, cx, cy)` gets the number of x values below it (i) and of y values below it
 * (j), and how many x and y values equal it (cx, cy; one of them may be 0). The group's pooled ranks are thus
 * i + j + 1 … i + j + cx + cy, its midrank i + j + (cx + cy + 1)/2.
 *
 * @param x first sample, ascending, non-empty, finite (the caller checks it).
 * @param y second sample, likewise.
 * @param visit called once per tie group, in ascending order of the value.
 */
export function forEachTieGroup(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  visit: (i: number, j: number, cx: number, cy: number) => void,
): void {
  const nx = x.length;
  const ny = y.length;
  let i = 0;
  let j = 0;
  while (i < nx || j < ny) {
    const value = j >= ny || (i < nx && x[i] <= y[j]) ? x[i] : y[j];
    let cx = 0;
    while (i + cx < nx && x[i + cx] === value) cx++;
    let cy = 0;
    while (j + cy < ny && y[j + cy] === value) cy++;
    visit(i, j, cx, cy);
    i += cx;
    j += cy;
  }
}
