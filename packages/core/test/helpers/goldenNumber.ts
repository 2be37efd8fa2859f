/** Golden JSON stores NaN as null and ±∞ as "Infinity" / "-Infinity"; this turns them back into numbers. */
export function num(v: number | string | null): number {
  if (v === null) return Number.NaN;
  if (typeof v === 'string') return Number(v);
  return v;
}
