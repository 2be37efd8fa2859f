/**
 * From validated request items to store rows: the checks a schema cannot say (score and probas together), event
 * times in ms, the model's active version by default, pseudonymized identifiers, and ids repeated within the batch
 * (the first is kept, the others counted as duplicates, as the store counts ids it already has).
 */
import { httpError, type ProblemDetail } from '../app/httpErrors.js';
import { MAX_INVALID_ITEMS } from '../app/validatorCompiler.js';
import type { Pseudonymizer } from '../pseudonymize.js';
import type { LabelRow, PredictionRow } from '../store/types.js';
import type { LabelItem, PredictionItem } from './predictionSchemas.js';

export interface NormalizedPredictions {
  rows: PredictionRow[];
  /** Items whose id appeared earlier in the same batch. */
  duplicates: number;
}

/**
 * Store rows for `items`, or a 400 VALIDATION error listing every item that breaks a cross-field rule (nothing is
 * stored then).
 */
export function normalizePredictions(
  items: readonly PredictionItem[],
  activeVersion: string | undefined,
  receivedAt: number,
  pseudonymize: Pseudonymizer,
): NormalizedPredictions {
  const details: ProblemDetail[] = [];
  let invalid = 0;
  const fail = (index: number, field: string, problem: string) => {
    if (details.at(-1)?.index !== index) invalid++;
    if (invalid <= MAX_INVALID_ITEMS) details.push({ index, field, problem });
  };
  const seen = new Set<string>();
  const rows: PredictionRow[] = [];
  let duplicates = 0;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (item.score !== undefined && item.probas !== undefined) {
      fail(index, 'score', 'must not be given with probas (send score for binary models, probas otherwise)');
    }
    let timestamp = receivedAt;
    if (typeof item.timestamp === 'number') timestamp = item.timestamp;
    else if (typeof item.timestamp === 'string') {
      timestamp = Date.parse(item.timestamp);
      if (!Number.isFinite(timestamp)) fail(index, 'timestamp', 'must be a valid ISO 8601 date-time');
    }
    if (seen.has(item.id)) {
      duplicates++;
      continue;
    }
    seen.add(item.id);
    const row: PredictionRow = {
      id: item.id,
      timestamp,
      features: item.features,
      prediction: item.prediction,
    };
    const version = item.version ?? activeVersion;
    if (version !== undefined) row.version = version;
    if (item.score !== undefined) row.score = item.score;
    if (item.probas !== undefined) row.probas = item.probas;
    if (item.latencyMs !== undefined) row.latencyMs = item.latencyMs;
    if (item.tags !== undefined) row.tags = item.tags;
    rows.push(pseudonymize(row));
  }
  if (invalid > 0) {
    const listed = invalid > MAX_INVALID_ITEMS ? ` (the first ${MAX_INVALID_ITEMS} are listed)` : '';
    throw httpError(
      'VALIDATION',
      `body: ${invalid} of ${items.length} items are invalid${listed}; nothing was stored`,
      {
        details,
      },
    );
  }
  return { rows, duplicates };
}

/** Label rows for `items`; an id repeated within the batch keeps its last label (as a later request would). */
export function normalizeLabels(items: readonly LabelItem[]): LabelRow[] {
  const byId = new Map<string, LabelRow>();
  for (const item of items) {
    byId.delete(item.id);
    byId.set(item.id, { id: item.id, label: item.label });
  }
  return [...byId.values()];
}
