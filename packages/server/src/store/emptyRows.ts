import type { ReadSpec, RowColumns } from './types.js';

/**
 * No rows, with the columns `spec` asks for: what a store returns for a model without data, and what the scheduler
 * evaluates for a model without a reference or a window without predictions.
 */
export function emptyRows(spec: ReadSpec): RowColumns {
  const features: RowColumns['features'] = {};
  for (const f of spec.features) features[f.name] = f.kind === 'numerical' ? new Float64Array(0) : [];
  const probas: RowColumns['probas'] = {};
  for (const c of spec.probaClasses ?? []) probas[c] = new Float64Array(0);
  return {
    n: 0,
    ids: [],
    timestamps: new Float64Array(0),
    predictionText: [],
    predictionNumber: new Float64Array(0),
    score: new Float64Array(0),
    latencyMs: new Float64Array(0),
    labelText: [],
    labelNumber: new Float64Array(0),
    features,
    probas,
  };
}
