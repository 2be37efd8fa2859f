/**
 * Request validation with TypeBox's compiled checkers (the same schemas feed the OpenAPI document), answering
 * with problems a person can act on: `{index?, field, problem}` per violation.
 *
 * - Bodies are checked as sent (no coercion: `"1"` is not a number); params and query strings are converted
 *   (`?limit=5` → 5) and get their schema defaults.
 * - An array body is checked whole first (the fast path); when it fails, each item is checked on its own so every
 *   invalid item is reported with its index (up to {@link MAX_INVALID_ITEMS} items), not only the first.
 * - Union branches are folded into one problem ("must be number, string, boolean or null").
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { type ProblemDetail, RequestValidationError } from './httpErrors.js';

/** Invalid items of an array body described in details; the message counts them all. */
export const MAX_INVALID_ITEMS = 100;

interface SchemaError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

/** Fastify's validator compiler for the app (set once on the root instance). */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const checker = Compile(schema);
  const raw = schema as { type?: unknown; items?: TSchema; maxItems?: number; minItems?: number };
  const itemChecker =
    httpPart === 'body' && raw.type === 'array' && raw.items !== undefined ? Compile(raw.items) : undefined;
  const part = httpPart ?? 'body';
  return (input: unknown) => {
    const value = part === 'body' ? input : Value.Default(schema, Value.Convert(schema, input ?? {}));
    if (checker.Check(value)) return { value };
    if (itemChecker !== undefined && Array.isArray(value)) {
      return { error: arrayError(value, raw.maxItems, raw.minItems, itemChecker) };
    }
    const details = describe(checker.Errors(value) as SchemaError[], undefined);
    const first = details[0];
    const where = first === undefined || first.field === '' ? part : `${part}.${first.field}`;
    return {
      error: new RequestValidationError(
        `${where} ${first?.problem ?? 'does not match the schema'}`,
        details,
        part,
      ),
    };
  };
};

function arrayError(
  items: unknown[],
  maxItems: number | undefined,
  minItems: number | undefined,
  itemChecker: { Check(value: unknown): boolean; Errors(value: unknown): unknown[] },
): RequestValidationError {
  if (maxItems !== undefined && items.length > maxItems) {
    const problem = `must have at most ${maxItems} items; got ${items.length}`;
    return new RequestValidationError(`body ${problem}`, [{ field: '', problem }], 'body');
  }
  if (minItems !== undefined && items.length < minItems) {
    const problem = `must have at least ${minItems} item${minItems === 1 ? '' : 's'}; got ${items.length}`;
    return new RequestValidationError(`body ${problem}`, [{ field: '', problem }], 'body');
  }
  const details: ProblemDetail[] = [];
  let invalid = 0;
  for (let index = 0; index < items.length; index++) {
    if (itemChecker.Check(items[index])) continue;
    invalid++;
    if (invalid <= MAX_INVALID_ITEMS) {
      details.push(...describe(itemChecker.Errors(items[index]) as SchemaError[], index));
    }
  }
  const listed = invalid > MAX_INVALID_ITEMS ? ` (the first ${MAX_INVALID_ITEMS} are listed)` : '';
  return new RequestValidationError(
    `body: ${invalid} of ${items.length} items are invalid${listed}; nothing was stored`,
    details,
    'body',
  );
}

/** `/features/a~1b` → `features.a/b` (JSON Pointer unescaped, dots between segments). */
function fieldOf(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
}

function escapePointer(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

function join(field: string, name: string): string {
  return field === '' ? name : `${field}.${name}`;
}

/** `a, b or c`. */
function orList(items: string[]): string {
  return items.length <= 2 ? items.join(' or ') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function branchType(error: SchemaError): string {
  if (error.keyword === 'type') return String(error.params.type);
  if (error.keyword === 'format') return `a ${String(error.params.format)} string`;
  if (error.keyword === 'const') return JSON.stringify(error.params.allowedValue ?? error.params.const);
  return error.message;
}

/** Folds TypeBox's errors into problem details (one per field and problem). */
export function describe(errors: readonly SchemaError[], index: number | undefined): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  const seen = new Set<string>();
  const push = (field: string, problem: string) => {
    const key = `${field}\u0000${problem}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(index === undefined ? { field, problem } : { index, field, problem });
  };
  // Union branches: errors under ".../anyOf/<n>" belong to the union at "...".
  const unions = new Map<string, SchemaError[]>();
  for (const error of errors) {
    const at = error.schemaPath.lastIndexOf('/anyOf/');
    if (at === -1) continue;
    const key = `${error.instancePath}\u0000${error.schemaPath.slice(0, at)}`;
    const list = unions.get(key) ?? [];
    list.push(error);
    unions.set(key, list);
  }
  const foldedUnion = (error: SchemaError) => {
    const key = `${error.instancePath}\u0000${error.schemaPath}`;
    const branches = unions.get(key);
    if (branches === undefined) return `must match one of the allowed shapes`;
    return `must be ${orList([...new Set(branches.map(branchType))])}`;
  };
  const explained = new Set(errors.filter((e) => e.keyword !== 'boolean').map((e) => e.instancePath));
  const unionKeys = new Set(
    errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.instancePath}\u0000${e.schemaPath}`),
  );
  for (const error of errors) {
    const field = fieldOf(error.instancePath);
    const at = error.schemaPath.lastIndexOf('/anyOf/');
    if (at !== -1) {
      const key = `${error.instancePath}\u0000${error.schemaPath.slice(0, at)}`;
      // A branch error is folded into its union's problem; when the union error itself was cut off by TypeBox's
      // error limit, the branches still make one problem.
      if (!unionKeys.has(key)) {
        unionKeys.add(key);
        push(field, foldedUnion({ ...error, schemaPath: error.schemaPath.slice(0, at), keyword: 'anyOf' }));
      }
      continue;
    }
    switch (error.keyword) {
      case 'anyOf':
        push(field, foldedUnion(error));
        break;
      case 'required':
        for (const name of (error.params.requiredProperties as string[] | undefined) ?? []) {
          push(join(field, name), 'is required');
        }
        break;
      case 'additionalProperties':
        // With `additionalProperties: false` the property is not allowed; with a schema, the property's own error
        // (reported at its path) says what is wrong with it.
        for (const name of (error.params.additionalProperties as string[] | undefined) ?? []) {
          if (!explained.has(`${error.instancePath}/${escapePointer(name)}`)) {
            push(join(field, name), 'is not allowed');
          }
        }
        break;
      case 'boolean':
        // `additionalProperties: false` reports each extra property once more; the case above covers it.
        if (!error.schemaPath.endsWith('/additionalProperties')) push(field, error.message);
        break;
      case 'type':
        push(
          field,
          Array.isArray(error.params.type)
            ? `must be ${orList(error.params.type.map(String))}`
            : error.message,
        );
        break;
      default:
        push(field, error.message);
    }
  }
  return out;
}
