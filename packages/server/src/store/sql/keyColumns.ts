/** Column lists and field → column maps shared by the DuckDB and PostgreSQL stores (keys). */
import type { Store } from '../types.js';

export const KEY_COLUMNS = 'id, name, role, prefix, created_at, last_used_at, revoked_at';

export type KeyMethods = Pick<
  Store,
  | 'createApiKey'
  | 'findApiKeysByPrefix'
  | 'listApiKeys'
  | 'revokeApiKey'
  | 'touchApiKey'
  | 'appendAudit'
  | 'listAudit'
>;
