import { ErrorCodes, VigilError } from '../errors.js';
import { describeValue } from '../validation.js';

/**
 * The names in `candidates` closest to `name` by edit distance, for "did you mean …?" in error messages.
 *
 * Distance: Levenshtein distance (insertions, deletions and substitutions each cost 1; Levenshtein 1966)
 * between the lower-cased strings, so `Age` and `age` are 0 apart; ties keep the order of `candidates`. The
 * result is at most `max` names, closest first. Every candidate is ranked, however far: the caller decides
 * whether to show them all. Duplicates in `candidates` appear once.
 *
 * @param name - the name the user typed (e.g. a column that does not exist).
 * @param candidates - the names that do exist.
 * @param max - how many names to return at most; default 3.
 * @returns up to `max` names from `candidates`, closest first; `[]` when `candidates` is empty.
 * @throws VigilError INVALID_ARGUMENT when `max` is not a positive integer.
 *
 * Reference: V. I. Levenshtein, "Binary codes capable of correcting deletions, insertions, and reversals",
 * Soviet Physics Doklady 10(8), 707–710, 1966. Computed with the two-row dynamic programme
 * (Wagner & Fischer 1974), O(|a|·|b|) time and O(|b|) memory.
 *
 * @example
 * closestNames('agee', ['age', 'workclass', 'sex', 'race'], 2); // => ['age', 'sex']
 */
export function closestNames(name: string, candidates: readonly string[], max = 3): string[] {
  if (!Number.isInteger(max) || max < 1) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `closestNames: max must be a positive integer; got ${describeValue(max)}`,
    );
  }
  const target = name.toLowerCase();
  const seen = new Set<string>();
  const ranked: { name: string; distance: number; order: number }[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    ranked.push({
      name: candidate,
      distance: levenshtein(target, candidate.toLowerCase()),
      order: ranked.length,
    });
  }
  ranked.sort((a, b) => a.distance - b.distance || a.order - b.order);
  return ranked.slice(0, max).map((r) => r.name);
}

/** Levenshtein distance by the two-row Wagner–Fischer recurrence, on UTF-16 code units. */
function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
