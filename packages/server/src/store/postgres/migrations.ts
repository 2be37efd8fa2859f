/**
 * The versioned schema of the PostgreSQL store. Append new migrations at the end with the next version; never edit
 * one that has shipped (`migrate` records each applied version in `schema_migrations`).
 *
 * Times are BIGINT milliseconds since the epoch (as in the Store interface). Predictions and labels are kept twice,
 * as text and as a double (see scalar.ts). Feature values and probas were jsonb in version 1; since version 2 they
 * are typed arrays per row, `num` (float8[]: numbers and probas) and `txt` (text[]: strings and booleans), at the
 * positions the model's layout in `feature_slots` gives (featureLayout.ts). Tags stay jsonb (never read in bulk).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Version 2: feature values and probas leave jsonb for typed arrays. Reading them from jsonb cost a jsonb lookup
 * and a numeric → float8 conversion per value (1M rows × 20 features: ~9.5 s of server time); a float8[] is sent as
 * it is stored. The rows of version 1 are converted here: each model's layout numbers the keys its rows hold, per
 * kind in byte order of the key, then every row is rewritten in that layout (predictions into a new table, so the
 * big table is written once, its indexes built after; reference rows in place). It takes about a minute of server
 * CPU per million predictions of 20 features (measured on a busy 2-core machine), most of it listing the keys.
 */
const TYPED_FEATURE_ARRAYS = `
-- Where the values of a model's rows are kept: key 'f:<feature>' or 'p:<class>' (a proba), kind 'n' (a number, in
-- the row's num array) or 't' (a string or boolean, in its txt array), slot the 1-based position in that array.
-- Slots are only ever added, never renumbered; deleteModel removes the model's (no foreign key, as for predictions).
CREATE TABLE feature_slots (
  model text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('n', 't')),
  key text NOT NULL,
  slot integer NOT NULL CHECK (slot > 0),
  PRIMARY KEY (model, kind, key),
  UNIQUE (model, kind, slot)
);

-- The keys the version-1 rows hold a value for, with the kind of the value as readRows typed them (JSON numbers are
-- numbers; strings and booleans are text; nulls are nothing), numbered per model and kind in byte order.
INSERT INTO feature_slots (model, kind, key, slot)
SELECT model, kind, key, row_number() OVER (PARTITION BY model, kind ORDER BY key COLLATE "C")
FROM (
  SELECT p.model, CASE jsonb_typeof(e.v) WHEN 'number' THEN 'n' ELSE 't' END AS kind, 'f:' || e.k AS key
  FROM predictions p, jsonb_each(p.features) AS e(k, v) WHERE jsonb_typeof(e.v) IN ('number', 'string', 'boolean')
  UNION
  SELECT p.model, 'n', 'p:' || e.k FROM predictions p, jsonb_each(p.probas) AS e(k, v)
  WHERE jsonb_typeof(e.v) = 'number'
  UNION
  SELECT s.model, CASE jsonb_typeof(e.v) WHEN 'number' THEN 'n' ELSE 't' END, 'f:' || e.k
  FROM reference_rows r JOIN reference_sets s ON s.id = r.reference_id, jsonb_each(r.features) AS e(k, v)
  WHERE jsonb_typeof(e.v) IN ('number', 'string', 'boolean')
  UNION
  SELECT s.model, 'n', 'p:' || e.k
  FROM reference_rows r JOIN reference_sets s ON s.id = r.reference_id, jsonb_each(r.probas) AS e(k, v)
  WHERE jsonb_typeof(e.v) = 'number'
) AS keys;

ALTER TABLE predictions RENAME TO predictions_v1;
CREATE TABLE predictions (
  model text NOT NULL,
  id text COLLATE "C" NOT NULL,
  ts bigint NOT NULL,
  version text,
  prediction text,
  prediction_num double precision,
  score double precision,
  latency_ms double precision,
  num double precision[],
  txt text[],
  tags jsonb,
  received_at bigint NOT NULL
);
CREATE TEMPORARY TABLE v1_models ON COMMIT DROP AS SELECT DISTINCT model FROM feature_slots;
INSERT INTO predictions
  (model, id, ts, version, prediction, prediction_num, score, latency_ms, num, txt, tags, received_at)
SELECT model, id, ts, version, prediction, prediction_num, score, latency_ms, NULL, NULL, tags, received_at
FROM predictions_v1 WHERE model NOT IN (SELECT model FROM v1_models);
ALTER TABLE reference_rows ADD COLUMN num double precision[], ADD COLUMN txt text[];

-- The rows of each model with values, each value fetched from jsonb at its slot by an expression written for the
-- model's layout: one jsonb lookup per value, no subquery per row.
DO $$
DECLARE
  m text;
  num text;
  txt text;
BEGIN
  FOR m IN SELECT model FROM v1_models LOOP
    SELECT 'ARRAY[' || string_agg(format(
             'CASE WHEN jsonb_typeof(%1$s -> %2$L) = ''number'' THEN (%1$s -> %2$L)::double precision END',
             CASE WHEN key LIKE 'f:%' THEN 'features' ELSE 'probas' END, substr(key, 3)), ', ' ORDER BY slot)
           || ']::double precision[]'
    INTO num FROM feature_slots WHERE model = m AND kind = 'n';
    SELECT 'ARRAY[' || string_agg(format(
             'CASE WHEN jsonb_typeof(features -> %1$L) IN (''string'', ''boolean'') THEN features ->> %1$L END',
             substr(key, 3)), ', ' ORDER BY slot) || ']::text[]'
    INTO txt FROM feature_slots WHERE model = m AND kind = 't';
    EXECUTE format(
      'INSERT INTO predictions
         (model, id, ts, version, prediction, prediction_num, score, latency_ms, num, txt, tags, received_at)
       SELECT model, id, ts, version, prediction, prediction_num, score, latency_ms, %s, %s, tags, received_at
       FROM predictions_v1 WHERE model = $1',
      COALESCE(num, 'NULL'), COALESCE(txt, 'NULL')) USING m;
    EXECUTE format(
      'UPDATE reference_rows SET num = %s, txt = %s
       WHERE reference_id IN (SELECT id FROM reference_sets WHERE model = $1)',
      COALESCE(num, 'NULL'), COALESCE(txt, 'NULL')) USING m;
  END LOOP;
END
$$;
DROP TABLE predictions_v1;
ALTER TABLE predictions ADD PRIMARY KEY (model, id);
CREATE INDEX predictions_model_ts ON predictions (model, ts, id);

ALTER TABLE reference_rows DROP COLUMN features, DROP COLUMN probas;

-- Fresh statistics for the rewritten tables (autovacuum would take a while to notice them).
ANALYZE predictions, reference_rows, feature_slots;
`;

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE models (
  name text PRIMARY KEY,
  task text NOT NULL,
  description text,
  window_ms bigint NOT NULL,
  schema jsonb,
  active_version text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE TABLE model_versions (
  model text NOT NULL REFERENCES models (name) ON DELETE CASCADE,
  version text NOT NULL,
  description text,
  created_at bigint NOT NULL,
  PRIMARY KEY (model, version)
);

CREATE TABLE reference_sets (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  model text NOT NULL REFERENCES models (name) ON DELETE CASCADE,
  version text,
  source text NOT NULL,
  rows integer NOT NULL,
  schema jsonb NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX reference_sets_model ON reference_sets (model, created_at);

CREATE TABLE reference_rows (
  reference_id bigint NOT NULL REFERENCES reference_sets (id) ON DELETE CASCADE,
  row_no integer NOT NULL,
  features jsonb NOT NULL,
  prediction text,
  prediction_num double precision,
  score double precision,
  probas jsonb,
  label text,
  label_num double precision,
  PRIMARY KEY (reference_id, row_no)
);

-- Ids sort bytewise (COLLATE "C"), as in the DuckDB store, so both order rows with equal timestamps alike.
-- No foreign key to models: the hot insert path stays free of per-row checks; deleteModel removes the rows.
CREATE TABLE predictions (
  model text NOT NULL,
  id text COLLATE "C" NOT NULL,
  ts bigint NOT NULL,
  version text,
  features jsonb NOT NULL,
  prediction text,
  prediction_num double precision,
  score double precision,
  probas jsonb,
  latency_ms double precision,
  tags jsonb,
  received_at bigint NOT NULL,
  PRIMARY KEY (model, id)
);
CREATE INDEX predictions_model_ts ON predictions (model, ts, id);

-- Labels are keyed like predictions and may arrive before them; readRows joins the two.
CREATE TABLE labels (
  model text NOT NULL,
  id text COLLATE "C" NOT NULL,
  label text,
  label_num double precision,
  received_at bigint NOT NULL,
  PRIMARY KEY (model, id)
);

-- A window is dirty while last_data_at is newer than last_evaluated_at (or it was never evaluated).
CREATE TABLE window_state (
  model text NOT NULL,
  window_start bigint NOT NULL,
  window_ms bigint NOT NULL,
  last_data_at bigint NOT NULL,
  last_evaluated_at bigint,
  PRIMARY KEY (model, window_start)
);
CREATE INDEX window_state_dirty ON window_state (window_start)
  WHERE last_evaluated_at IS NULL OR last_data_at > last_evaluated_at;

CREATE TABLE monitors (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  model text NOT NULL REFERENCES models (name) ON DELETE CASCADE,
  name text NOT NULL,
  kind text NOT NULL,
  config jsonb NOT NULL,
  rule jsonb,
  enabled boolean NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX monitors_model ON monitors (model);

CREATE TABLE metric_points (
  monitor_id bigint NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  model text NOT NULL,
  window_start bigint NOT NULL,
  window_end bigint NOT NULL,
  feature text NOT NULL,
  metric text NOT NULL,
  value double precision,
  status text NOT NULL,
  details jsonb,
  computed_at bigint NOT NULL,
  PRIMARY KEY (monitor_id, window_start, feature, metric)
);
CREATE INDEX metric_points_latest ON metric_points (model, monitor_id, feature, metric, window_start DESC);

CREATE TABLE rule_states (
  monitor_id bigint NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  feature text NOT NULL,
  metric text NOT NULL,
  consecutive_breaches integer NOT NULL,
  consecutive_ok integer NOT NULL,
  open_alert_id bigint,
  last_window_start bigint,
  PRIMARY KEY (monitor_id, feature, metric)
);

CREATE TABLE alerts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  model text NOT NULL,
  monitor_id bigint NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  feature text NOT NULL,
  metric text NOT NULL,
  severity text NOT NULL,
  state text NOT NULL,
  value double precision,
  threshold double precision NOT NULL,
  message text NOT NULL,
  window_start bigint NOT NULL,
  fired_at bigint NOT NULL,
  resolved_at bigint,
  acknowledged_at bigint,
  acknowledged_by text,
  last_notified_at bigint
);
CREATE INDEX alerts_model ON alerts (model, fired_at);

CREATE TABLE channels (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  url text NOT NULL,
  secret text,
  models jsonb,
  enabled boolean NOT NULL,
  created_at bigint NOT NULL
);

CREATE TABLE deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id bigint NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  channel_id bigint NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  event text NOT NULL,
  status text NOT NULL,
  attempts integer NOT NULL,
  last_error text,
  next_attempt_at bigint NOT NULL,
  created_at bigint NOT NULL,
  delivered_at bigint
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_alert ON deliveries (alert_id);

CREATE TABLE api_keys (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL,
  prefix text NOT NULL,
  hash text NOT NULL,
  created_at bigint NOT NULL,
  last_used_at bigint,
  revoked_at bigint
);
CREATE INDEX api_keys_prefix ON api_keys (prefix);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at bigint NOT NULL,
  key_id bigint,
  action text NOT NULL,
  target text NOT NULL,
  details jsonb
);
`,
  },
  {
    version: 2,
    name: 'typed feature arrays',
    sql: TYPED_FEATURE_ARRAYS,
  },
];
