/** Models and their versions. */
import { MODEL_COLUMNS, MODEL_FIELDS, type ModelMethods } from '../sql/modelColumns.js';
import type { Model, ModelVersion } from '../types.js';
import { opt, type Pool, setList, withTransaction } from './db.js';
import type { LayoutCache } from './featureLayout.js';
import { notFound } from './notFound.js';

/** Default tumbling window: one hour. */
export const DEFAULT_WINDOW_MS = 3_600_000;

interface ModelRecord {
  name: string;
  task: Model['task'];
  description: string | null;
  window_ms: number;
  schema: Model['schema'] | null;
  active_version: string | null;
  created_at: number;
  updated_at: number;
}

function toModel(row: ModelRecord): Model {
  return {
    name: row.name,
    task: row.task,
    description: opt(row.description),
    windowMs: row.window_ms,
    schema: opt(row.schema),
    activeVersion: opt(row.active_version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toVersion(row: {
  model: string;
  version: string;
  description: string | null;
  created_at: number;
}): ModelVersion {
  return {
    model: row.model,
    version: row.version,
    description: opt(row.description),
    createdAt: row.created_at,
  };
}

export function modelMethods(pool: Pool, now: () => number, layouts: LayoutCache): ModelMethods {
  return {
    async createModel(model) {
      const at = now();
      const result = await pool.query<ModelRecord>(
        `INSERT INTO models (${MODEL_COLUMNS}) VALUES ($1, $2, $3, $4, $5, NULL, $6, $6)
         ON CONFLICT (name) DO NOTHING RETURNING ${MODEL_COLUMNS}`,
        [
          model.name,
          model.task,
          model.description ?? null,
          model.windowMs ?? DEFAULT_WINDOW_MS,
          model.schema === undefined ? null : JSON.stringify(model.schema),
          at,
        ],
      );
      if (result.rowCount === 0) throw notFound('createModel', 'name', 'a new model name', model.name);
      return toModel(result.rows[0]);
    },

    async getModel(name) {
      const result = await pool.query<ModelRecord>(`SELECT ${MODEL_COLUMNS} FROM models WHERE name = $1`, [
        name,
      ]);
      return result.rows.length === 0 ? undefined : toModel(result.rows[0]);
    },

    async listModels() {
      const result = await pool.query<ModelRecord>(`SELECT ${MODEL_COLUMNS} FROM models ORDER BY name`);
      return result.rows.map(toModel);
    },

    async updateModel(name, patch) {
      const set = setList(patch, MODEL_FIELDS, 3, (field, value) =>
        field === 'schema' ? JSON.stringify(value) : value,
      );
      const result = await pool.query<ModelRecord>(
        `UPDATE models SET updated_at = $2${set.sql ? `, ${set.sql}` : ''} WHERE name = $1
         RETURNING ${MODEL_COLUMNS}`,
        [name, now(), ...set.values],
      );
      if (result.rowCount === 0) throw notFound('updateModel', 'name', 'an existing model', name);
      return toModel(result.rows[0]);
    },

    async deleteModel(name) {
      // Predictions, labels, windows and feature slots carry no foreign key (to keep ingestion cheap): removed
      // here, after the model (whose cascade takes versions, references, monitors, points, rule states, alerts and
      // deliveries). The model goes first: its row lock waits for a writer adding slots (featureLayout.ts), whose
      // slots are then removed too.
      await withTransaction(pool, async (client) => {
        await client.query('DELETE FROM models WHERE name = $1', [name]);
        for (const table of ['predictions', 'labels', 'window_state', 'feature_slots']) {
          await client.query(`DELETE FROM ${table} WHERE model = $1`, [name]);
        }
      });
      layouts.forget(name);
    },

    async createVersion(version) {
      const result = await pool.query(
        `INSERT INTO model_versions (model, version, description, created_at)
         SELECT name, $2, $3, $4 FROM models WHERE name = $1
         ON CONFLICT (model, version) DO NOTHING
         RETURNING model, version, description, created_at`,
        [version.model, version.version, version.description ?? null, now()],
      );
      if (result.rowCount !== 0) return toVersion(result.rows[0]);
      const model = await pool.query('SELECT 1 FROM models WHERE name = $1', [version.model]);
      throw model.rowCount === 0
        ? notFound('createVersion', 'model', 'an existing model', version.model)
        : notFound('createVersion', 'version', 'a new version of the model', version.version);
    },

    async listVersions(model) {
      const result = await pool.query(
        `SELECT model, version, description, created_at FROM model_versions WHERE model = $1
         ORDER BY created_at, version`,
        [model],
      );
      return result.rows.map(toVersion);
    },
  };
}
