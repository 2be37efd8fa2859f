/**
 * Numbers for people: 4 significant digits without trailing zeros, scientific notation for magnitudes below 1e-3
 * or from 1e9 up, integers below 1e9 in full, `—` for null/undefined (no value), `NaN` for undefined metrics and
 * `∞` / `-∞`. Machine output (JSON) never goes through here.
 * @example formatNumber(0.000012346) // => '1.235e-5'
 * @example formatNumber(2.5e9) // => '2.5e9'
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
    return value
      .toExponential(3)
      .replace(/\.?0+e/, 'e')
      .replace('e+', 'e');
  return String(Number(value.toPrecision(4)));
}
