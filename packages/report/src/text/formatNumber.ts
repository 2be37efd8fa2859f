/**
 * Numbers for people: 4 significant digits, scientific notation for very small or large magnitudes, and words
 * for the values that are not numbers. Machine output (JSON) never goes through here.
 * @example formatNumber(0.000012345) // => '1.235e-5'
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '-∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (Number.isInteger(value) && magnitude < 1e9) return String(value);
  if (magnitude < 1e-3 || magnitude >= 1e9)
    return value.toExponential(3).replace('e-', 'e-').replace('e+', 'e');
  return String(Number(value.toPrecision(4)));
}
