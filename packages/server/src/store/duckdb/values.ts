/** Conversions between store records and DuckDB rows shared by the store's modules. */

/** `undefined` for SQL NULL, so optional fields stay absent instead of appearing as `null`. */
export function opt<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

/** A JSON column's value, `undefined` for NULL. */
export function parseJson<T>(value: unknown): T | undefined {
  return value === null || value === undefined ? undefined : (JSON.parse(value as string) as T);
}

/** JSON text of a value, NULL for `undefined` / `null`. */
export function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * A `SET a = $n, b = $n+1` list from the fields of a patch that are present (undefined fields are left alone), with
 * the values to bind from parameter `firstParam` on.
 */
export function setList(
  patch: object,
  columns: Record<string, string>,
  firstParam: number,
  encode: (field: string, value: unknown) => unknown = (_field, value) => value,
): { sql: string; values: (string | number | boolean | null)[] } {
  const parts: string[] = [];
  const values: (string | number | boolean | null)[] = [];
  const fields = patch as Record<string, unknown>;
  for (const [field, column] of Object.entries(columns)) {
    if (!(field in fields) || fields[field] === undefined) continue;
    values.push(encode(field, fields[field]) as string | number | boolean | null);
    parts.push(`${column} = $${firstParam + values.length - 1}`);
  }
  return { sql: parts.join(', '), values };
}
