/**
 * The versioned schema of the PostgreSQL store. Append new migrations at the end with the next version; never edit
 * one that has shipped (`migrate` records each applied version in `schema_migrations`).
 *
 * Times are BIGINT milliseconds since the epoch (as in the Store interface). Feature values, probas and tags are
 * jsonb; predictions and labels are kept twice, as text and as a double (see scalar.ts).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

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
];
