/**
 * The versioned schema of the DuckDB store. Append new migrations at the end with the next version; never edit one
 * that has shipped (`migrate` records each applied version in `schema_migrations`).
 *
 * Times are BIGINT milliseconds since the epoch (as in the Store interface); JSON values (schemas, configs,
 * details…) are VARCHAR holding JSON text. Ids come from sequences.
 *
 * The rows of each model live in tables of their own, created with the model (modelTables.ts): `pred_<n>`
 * (predictions, keyed by id), `lab_<n>` (labels, keyed by id) and `ref_<n>` (reference rows), where `<n>` is the
 * model's `table_no`. Their feature and proba values are typed columns `c<k>` (DOUBLE for numbers, VARCHAR for
 * strings and booleans) added as new names arrive and listed in `model_columns`, so reading a window is a plain
 * column scan instead of parsing JSON per row. A migration that changes those tables must alter every model's.
 */
import type { Connection } from './db.js';

export interface Migration {
  version: number;
  name: string;
  /** Statements to run (in one transaction with the record of the migration). */
  sql: string;
  /** Work that needs more than SQL (e.g. altering every model's tables), run after `sql`. */
  run?: (conn: Connection) => Promise<void>;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE SEQUENCE model_table_no START 1;
CREATE TABLE models (
  name VARCHAR PRIMARY KEY,
  task VARCHAR NOT NULL,
  description VARCHAR,
  window_ms BIGINT NOT NULL,
  schema VARCHAR,
  active_version VARCHAR,
  table_no INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE model_versions (
  model VARCHAR NOT NULL,
  version VARCHAR NOT NULL,
  description VARCHAR,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (model, version)
);

-- The typed value columns of each model's tables: tbl 'p' (pred_<n>) or 'r' (ref_<n>); key 'f:<feature>' or
-- 'p:<class>'; kind 'n' (DOUBLE: numbers) or 't' (VARCHAR: strings and booleans); col k names column c<k>.
CREATE TABLE model_columns (
  model VARCHAR NOT NULL,
  tbl VARCHAR NOT NULL,
  key VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  col INTEGER NOT NULL,
  PRIMARY KEY (model, tbl, key, kind)
);

CREATE SEQUENCE reference_ids START 1;
CREATE TABLE reference_sets (
  id BIGINT PRIMARY KEY,
  model VARCHAR NOT NULL,
  version VARCHAR,
  source VARCHAR NOT NULL,
  rows INTEGER NOT NULL,
  schema VARCHAR NOT NULL,
  created_at BIGINT NOT NULL
);

-- A window is dirty while last_data_at is newer than last_evaluated_at (or it was never evaluated).
CREATE TABLE window_state (
  model VARCHAR NOT NULL,
  window_start BIGINT NOT NULL,
  window_ms BIGINT NOT NULL,
  last_data_at BIGINT NOT NULL,
  last_evaluated_at BIGINT,
  PRIMARY KEY (model, window_start)
);

CREATE SEQUENCE monitor_ids START 1;
CREATE TABLE monitors (
  id BIGINT PRIMARY KEY,
  model VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  config VARCHAR NOT NULL,
  rule VARCHAR,
  enabled BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE metric_points (
  monitor_id BIGINT NOT NULL,
  model VARCHAR NOT NULL,
  window_start BIGINT NOT NULL,
  window_end BIGINT NOT NULL,
  feature VARCHAR NOT NULL,
  metric VARCHAR NOT NULL,
  value DOUBLE,
  status VARCHAR NOT NULL,
  details VARCHAR,
  computed_at BIGINT NOT NULL,
  PRIMARY KEY (monitor_id, window_start, feature, metric)
);

CREATE TABLE rule_states (
  monitor_id BIGINT NOT NULL,
  feature VARCHAR NOT NULL,
  metric VARCHAR NOT NULL,
  consecutive_breaches INTEGER NOT NULL,
  consecutive_ok INTEGER NOT NULL,
  open_alert_id BIGINT,
  last_window_start BIGINT,
  PRIMARY KEY (monitor_id, feature, metric)
);

CREATE SEQUENCE alert_ids START 1;
CREATE TABLE alerts (
  id BIGINT PRIMARY KEY,
  model VARCHAR NOT NULL,
  monitor_id BIGINT NOT NULL,
  feature VARCHAR NOT NULL,
  metric VARCHAR NOT NULL,
  severity VARCHAR NOT NULL,
  state VARCHAR NOT NULL,
  value DOUBLE,
  threshold DOUBLE NOT NULL,
  message VARCHAR NOT NULL,
  window_start BIGINT NOT NULL,
  fired_at BIGINT NOT NULL,
  resolved_at BIGINT,
  acknowledged_at BIGINT,
  acknowledged_by VARCHAR,
  last_notified_at BIGINT
);

CREATE SEQUENCE channel_ids START 1;
CREATE TABLE channels (
  id BIGINT PRIMARY KEY,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  url VARCHAR NOT NULL,
  secret VARCHAR,
  models VARCHAR,
  enabled BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE SEQUENCE delivery_ids START 1;
CREATE TABLE deliveries (
  id BIGINT PRIMARY KEY,
  alert_id BIGINT NOT NULL,
  channel_id BIGINT NOT NULL,
  event VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  attempts INTEGER NOT NULL,
  last_error VARCHAR,
  next_attempt_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  delivered_at BIGINT
);

CREATE SEQUENCE api_key_ids START 1;
CREATE TABLE api_keys (
  id BIGINT PRIMARY KEY,
  name VARCHAR NOT NULL,
  role VARCHAR NOT NULL,
  prefix VARCHAR NOT NULL,
  hash VARCHAR NOT NULL,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);

CREATE SEQUENCE audit_ids START 1;
CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY,
  logged_at BIGINT NOT NULL,
  key_id BIGINT,
  action VARCHAR NOT NULL,
  target VARCHAR NOT NULL,
  details VARCHAR
);
`,
  },
];
