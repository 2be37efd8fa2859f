/** Models and their versions; a model owns its tables (modelTables.ts), created and dropped with it. */
import { MODEL_COLUMNS, MODEL_FIELDS, type ModelMethods } from '../sql/modelColumns.js';
import type { Model, ModelVersion } from '../types.js';
import { type Connection, type Db, exec, literal, query, type Row } from './db.js';
import { createModelTables, dropModelTables, type ModelCache } from './modelTables.js';
import { notFound } from './notFound.js';
import { opt, parseJson, setList } from './values.js';
import type { KnownWindows } from './windows.js';

/** Default tumbling window: one hour. */
export const DEFAULT_WINDOW_MS = 3_600_000;

function toModel(row: Row): Model {
  const model: Model = {
    name: row.name as string,
    task: row.task as Model['task'],
    windowMs: row.window_ms as number,
    createdAt: row.created_at as number,
    updatedAt: row.updated_at as number,
  };
  const description = opt(row.description as string | null);
  if (description !== undefined) model.description = description;
  const schema = parseJson<Model['schema']>(row.schema);
  if (schema !== undefined) model.schema = schema;
  const active = opt(row.active_version as string | null);
  if (active !== undefined) model.activeVersion = active;
  return model;
}

function toVersion(row: Row): ModelVersion {
  const version: ModelVersion = {
    model: row.model as string,
    version: row.version as string,
    createdAt: row.created_at as number,
  };
  const description = opt(row.description as string | null);
  if (description !== undefined) version.description = description;
  return version;
}

async function modelExists(conn: Connection, name: string): Promise<boolean> {
  return (await query(conn, 'SELECT 1 FROM models WHERE name = $1', [name])).length > 0;
}

/**
 * Statements deleting the monitors matching `where` (a condition on `monitors`, values inlined: several statements
 * cannot share bound parameters) with their points, rule states, alerts and the alerts' deliveries.
 */
export function deleteMonitorsSql(where: string): string {
  const ids = `SELECT id FROM monitors WHERE ${where}`;
  return `
    DELETE FROM deliveries WHERE alert_id IN (SELECT id FROM alerts WHERE monitor_id IN (${ids}));
    DELETE FROM alerts WHERE monitor_id IN (${ids});
    DELETE FROM rule_states WHERE monitor_id IN (${ids});
    DELETE FROM metric_points WHERE monitor_id IN (${ids});
    DELETE FROM monitors WHERE ${where}`;
}

export function modelMethods(
  db: Db,
  cache: ModelCache,
  known: KnownWindows,
  now: () => number,
): ModelMethods {
  return {
    createModel(model) {
      return db
        .write(
          async (conn) => {
            if (await modelExists(conn, model.name)) {
              throw notFound('createModel', 'name', 'a new model name', model.name);
            }
            const [{ table_no: tableNo }] = await query(conn, "SELECT nextval('model_table_no') AS table_no");
            const at = now();
            const [row] = await query(
              conn,
              `INSERT INTO models (${MODEL_COLUMNS}, table_no) VALUES ($1, $2, $3, $4, $5, NULL, $6, $6, $7)
             RETURNING ${MODEL_COLUMNS}, table_no`,
              [
                model.name,
                model.task,
                model.description ?? null,
                model.windowMs ?? DEFAULT_WINDOW_MS,
                model.schema === undefined ? null : JSON.stringify(model.schema),
                at,
                tableNo as number,
              ],
            );
            await createModelTables(conn, tableNo as number);
            return row;
          },
          () => cache.delete(model.name),
        )
        .then(toModel);
    },

    async getModel(name) {
      const rows = await db.all(`SELECT ${MODEL_COLUMNS} FROM models WHERE name = $1`, [name]);
      return rows.length === 0 ? undefined : toModel(rows[0]);
    },

    async listModels() {
      return (await db.all(`SELECT ${MODEL_COLUMNS} FROM models ORDER BY name`)).map(toModel);
    },

    updateModel(name, patch) {
      const set = setList(patch, MODEL_FIELDS, 3, (field, value) =>
        field === 'schema' ? JSON.stringify(value) : value,
      );
      return db
        .write(
          async (conn) => {
            const rows = await query(
              conn,
              `UPDATE models SET updated_at = $2${set.sql ? `, ${set.sql}` : ''} WHERE name = $1
               RETURNING ${MODEL_COLUMNS}`,
              [name, now(), ...set.values],
            );
            if (rows.length === 0) throw notFound('updateModel', 'name', 'an existing model', name);
            return rows[0];
          },
          // Reloaded on next use with the new window length and active version.
          () => cache.delete(name),
        )
        .then(toModel);
    },

    async deleteModel(name) {
      await db.write(
        async (conn) => {
          const rows = await query(conn, 'SELECT table_no FROM models WHERE name = $1', [name]);
          if (rows.length === 0) return;
          await dropModelTables(conn, rows[0].table_no as number);
          const m = literal(name);
          await exec(
            conn,
            `${deleteMonitorsSql(`model = ${m}`)};
             DELETE FROM window_state WHERE model = ${m};
             DELETE FROM reference_sets WHERE model = ${m};
             DELETE FROM model_columns WHERE model = ${m};
             DELETE FROM model_versions WHERE model = ${m};
             DELETE FROM models WHERE name = ${m}`,
          );
        },
        () => {
          cache.delete(name);
          known.forget(name);
        },
      );
    },

    createVersion(version) {
      return db
        .write(async (conn) => {
          if (!(await modelExists(conn, version.model))) {
            throw notFound('createVersion', 'model', 'an existing model', version.model);
          }
          const exists = await query(conn, 'SELECT 1 FROM model_versions WHERE model = $1 AND version = $2', [
            version.model,
            version.version,
          ]);
          if (exists.length > 0) {
            throw notFound(
              'createVersion',
              'version',
              `a new version of model "${version.model}"`,
              version.version,
            );
          }
          const [row] = await query(
            conn,
            `INSERT INTO model_versions (model, version, description, created_at) VALUES ($1, $2, $3, $4)
             RETURNING model, version, description, created_at`,
            [version.model, version.version, version.description ?? null, now()],
          );
          return row;
        })
        .then(toVersion);
    },

    async listVersions(model) {
      const rows = await db.all(
        `SELECT model, version, description, created_at FROM model_versions WHERE model = $1
         ORDER BY created_at, version`,
        [model],
      );
      return rows.map(toVersion);
    },
  };
}
