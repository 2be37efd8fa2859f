/** Column lists and field → column maps shared by the DuckDB and PostgreSQL stores (models). */
import type { Store } from '../types.js';

export const MODEL_COLUMNS =
  'name, task, description, window_ms, schema, active_version, created_at, updated_at';

export type ModelMethods = Pick<
  Store,
  'createModel' | 'getModel' | 'listModels' | 'updateModel' | 'deleteModel' | 'createVersion' | 'listVersions'
>;

/** Model field → column, for patches. */
export const MODEL_FIELDS = {
  description: 'description',
  windowMs: 'window_ms',
  schema: 'schema',
  activeVersion: 'active_version',
} as const;
