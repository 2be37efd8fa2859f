/** Column lists and field → column maps shared by the DuckDB and PostgreSQL stores (references). */
import type { Store } from '../types.js';

export const REFERENCE_COLUMNS = 'id, model, version, source, rows, schema, created_at';

export type ReferenceMethods = Pick<
  Store,
  'createReference' | 'latestReference' | 'listReferences' | 'readReference'
>;
