/**
 * The ingestion item schemas (issue 4 §1): a prediction is
 * `{id, timestamp?, version?, features: {…}, prediction, score? | probas?, latencyMs?, tags?}` and a label
 * `{id, label}`. Unknown fields are rejected, so a typo (`lantecyMs`) is an error, not silently dropped data.
 */
import { type Static, Type } from 'typebox';
import { Dict, Label, Scalar } from '../app/schemas.js';

/** Latest accepted event time: 9999-12-31T23:59:59.999Z. */
export const MAX_TIMESTAMP_MS = 253_402_300_799_999;

const Id = Type.String({ minLength: 1, maxLength: 256, description: 'the prediction id, unique per model' });

export const PredictionItem = Type.Object(
  {
    id: Id,
    timestamp: Type.Optional(
      Type.Union(
        [Type.Number({ minimum: 0, maximum: MAX_TIMESTAMP_MS }), Type.String({ format: 'date-time' })],
        { description: 'event time: ms since the Unix epoch, or ISO 8601 date-time; default: receive time' },
      ),
    ),
    version: Type.Optional(
      Type.String({ minLength: 1, maxLength: 128, description: 'default: the model’s active version' }),
    ),
    features: Dict<Static<typeof Scalar>>(Scalar, {
      maxProperties: 2000,
      description: 'feature name → value',
    }),
    prediction: Label,
    score: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 1,
        description: 'binary models: probability of the positive class',
      }),
    ),
    probas: Type.Optional(
      Dict<number>(Type.Number({ minimum: 0, maximum: 1 }), {
        maxProperties: 1000,
        description: 'classifiers: probability per class label',
      }),
    ),
    latencyMs: Type.Optional(Type.Number({ minimum: 0 })),
    tags: Type.Optional(Dict<string>(Type.String({ maxLength: 1024 }), { maxProperties: 100 })),
  },
  { additionalProperties: false },
);
export type PredictionItem = Static<typeof PredictionItem>;

export const LabelItem = Type.Object({ id: Id, label: Label }, { additionalProperties: false });
export type LabelItem = Static<typeof LabelItem>;

/** A batch body: 1 to `maxBatch` items. */
export function batchOf<T extends typeof PredictionItem | typeof LabelItem>(item: T, maxBatch: number) {
  return Type.Array(item, {
    minItems: 1,
    maxItems: maxBatch,
    description: `a JSON array, or NDJSON (one item per line, Content-Type application/x-ndjson); at most ${maxBatch} items`,
  });
}
