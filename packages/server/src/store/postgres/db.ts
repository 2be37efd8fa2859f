/**
 * The small helpers every PostgreSQL store module shares: the pool type, transactions and value conversions.
 */
import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
/** Anything that runs a query: the pool (auto-commit) or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** OID of `int8`: times (ms) and identity ids, read as numbers (every value the store keeps is < 2^53). */
const INT8_OID = 20;

/** Per-pool type parsers (never the process-wide `pg.types`, which other code in the process may rely on). */
export const storeTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Runs `work` in one transaction on one pooled connection: committed when it resolves, rolled back when not. */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** `undefined` for SQL NULL, so optional fields stay absent instead of appearing as `null`. */
export function opt<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

/** A `SET a = $n, b = $n+1` list from the fields of a patch that are present (undefined fields are left alone). */
export function setList(
  patch: Record<string, unknown>,
  columns: Record<string, string>,
  firstParam: number,
  encode: (field: string, value: unknown) => unknown = (_field, value) => value,
): { sql: string; values: unknown[] } {
  const parts: string[] = [];
  const values: unknown[] = [];
  for (const [field, column] of Object.entries(columns)) {
    if (!(field in patch) || patch[field] === undefined) continue;
    values.push(encode(field, patch[field]));
    parts.push(`${column} = $${firstParam + values.length - 1}`);
  }
  return { sql: parts.join(', '), values };
}

/** A quoted SQL identifier (schema names come from configuration). */
export const escapeIdentifier = pg.escapeIdentifier;
