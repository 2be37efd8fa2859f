/**
 * CSV, TSV, Parquet, JSON Lines and JSON through DuckDB:
 *
 * 1. `SELECT count(*)` over the file: the row count, so every column is allocated once (free for Parquet, from
 *    its metadata; one tokenizing pass for text formats, which also reports malformed rows);
 * 2. a streaming SELECT of the loaded columns, numbers cast to DOUBLE (dates to epoch milliseconds) and copied chunk
 *    by chunk into Float64Arrays (readVectors.ts), strings coded into Int32Arrays by a {@link StringCoder} (no
 *    JavaScript string per row).
 *
 * The row count is also the guard against silent truncation: a streaming result that fails half-way (a value
 * that does not convert at line 50 000) ends like a finished one in DuckDB's C API (duckdb_fetch_chunk returns
 * NULL for both, and @duckdb/node-api does not expose duckdb_result_error). When fewer rows arrive than counted,
 * an aggregate over the same expressions is run to make DuckDB raise the error. (A materialized result would
 * report it directly but holds a second copy of the data.)
 *
 * CSV type detection: DuckDB's sniffer on a sample of rows, allowed to choose only BOOLEAN, DOUBLE, TIMESTAMPTZ
 * or VARCHAR. No integer types: DuckDB silently rounds a later "1.5" into a column sniffed as BIGINT, and every
 * number becomes a double anyway. No DATE: a later "2024-01-31 12:00" would be cut to the day. No plain
 * TIMESTAMP: a later "…+02:00" would lose its offset; TIMESTAMPTZ keeps it and reads values without one as UTC
 * (the session time zone is UTC). When a later row does not fit the sniffed type (DuckDB raises a conversion
 * error), the column is re-read as VARCHAR, so a sample never decides alone. JSON types are detected from every
 * record.
 */
import { type DuckDBConnection, type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import { type Column, ErrorCodes, VigilError } from '@vigil/core';
import { convertColumn } from './convertColumn.js';
import { connect } from './duckdb.js';
import { findRaggedRow } from './findRaggedRow.js';
import { inferStringType, stringStats } from './inferStringType.js';
import { noDataRows, ragged, unreadable } from './ioErrors.js';
import { copyDoubles, rawVector, stringData, validity } from './readVectors.js';
import { resolveColumns } from './resolveColumns.js';
import { StringCoder } from './stringCoder.js';
import type { FileFormat, InferredType, LoadOptions } from './types.js';

/** Missing-value tokens when the caller gives none. */
export const DEFAULT_MISSING: readonly string[] = ['', 'NA', 'NaN', 'null', '?'];
const CSV_TYPE_CANDIDATES = ['BOOLEAN', 'DOUBLE', 'TIMESTAMPTZ', 'VARCHAR'];
/** Share of the progress bar for counting rows; the rest is reading them. */
const COUNT_SHARE = 0.2;

type Storage = 'numeric' | 'boolean' | 'datetime' | 'string';

interface SourceColumn {
  name: string;
  type: DuckDBType;
  storage: Storage;
  /** DuckDB's name for the type, for reasons (e.g. DOUBLE, VARCHAR, TIMESTAMP WITH TIME ZONE). */
  typeText: string;
}

/** Columns, types and row count of a load, before the frame is assembled. */
export interface LoadedColumns {
  columns: Column[];
  inferred: Record<string, InferredType>;
  rowCount: number;
}

/** Loads `file` (any format but arrow) into columns. `report` takes fractions in [0, 1]. */
export async function loadWithDuckDB(
  file: string,
  format: FileFormat,
  options: LoadOptions,
  report: (fraction: number) => void,
): Promise<LoadedColumns> {
  const isCsv = format === 'csv' || format === 'tsv';
  // CSV columns DuckDB must read as text: declared categorical/text, or refused by a later row.
  const asText = new Set<string>();
  for (;;) {
    const connection = await connect();
    try {
      return await loadOnce(connection, file, format, options, asText, report);
    } catch (error) {
      const failure = conversionFailure(error);
      if (isCsv && failure !== undefined && !asText.has(failure)) {
        asText.add(failure);
        continue;
      }
      throw await wrapError(error, file, format, options.delimiter);
    } finally {
      connection.closeSync();
    }
  }
}

async function loadOnce(
  connection: DuckDBConnection,
  file: string,
  format: FileFormat,
  options: LoadOptions,
  asText: Set<string>,
  report: (fraction: number) => void,
): Promise<LoadedColumns> {
  let source = await sourceSql(connection, file, format, options, asText);
  let schema = await describe(connection, source);
  if ((format === 'csv' || format === 'tsv') && options.delimiter === undefined && schema.length === 1) {
    // The sniffer falls back to one column when rows disagree on their field count; say which row.
    if (/[,;|\t]/.test(schema[0].name)) {
      const row = await findRaggedRow(file, format === 'tsv' ? '\t' : undefined);
      if (row !== undefined) throw ragged(file, row);
    }
  }
  const { selected, declared } = resolveColumns(
    file,
    schema.map((c) => c.name),
    options,
  );
  if (format === 'csv' || format === 'tsv') {
    // Declared categories keep their exact text ("02139", "1.50"): have DuckDB read them as VARCHAR.
    let added = false;
    for (const [name, type] of declared) {
      if ((type === 'categorical' || type === 'text') && !asText.has(name)) {
        asText.add(name);
        added = true;
      }
    }
    if (added) {
      source = await sourceSql(connection, file, format, options, asText);
      schema = await describe(connection, source);
    }
  }
  const byName = new Map(schema.map((c) => [c.name, c]));
  const columns = selected.map((name) => byName.get(name) as SourceColumn);

  const poll = options.onProgress === undefined ? undefined : report;
  const [count] = await runWithProgress(connection, `SELECT count(*) FROM ${source}`, poll, COUNT_SHARE);
  const rowCount = Number(count);
  if (rowCount === 0) {
    if (format === 'csv' || format === 'tsv') {
      const row = await findRaggedRow(file, options.delimiter ?? (format === 'tsv' ? '\t' : undefined));
      if (row !== undefined) throw ragged(file, row);
    }
    throw noDataRows(file, false);
  }
  report(COUNT_SHARE);

  const exprs = columns.map((c) => (c.storage === 'string' ? stringExpr(c) : numericExpr(c)));
  const result = await connection.stream(`SELECT ${exprs.join(', ')} FROM ${source}`);
  const sinks = columns.map((c) => makeSink(c, rowCount));
  let offset = 0;
  for (let k = 1; ; k++) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    const rows = chunk.rowCount;
    if (offset + rows > rowCount) throw changedWhileReading(file);
    for (let j = 0; j < sinks.length; j++) sinks[j].read(rawVector(chunk, j), rows, offset);
    offset += rows;
    if (k % 32 === 0) report(COUNT_SHARE + ((1 - COUNT_SHARE) * offset) / rowCount);
  }
  if (offset < rowCount) {
    // The stream stopped early: evaluate every expression once more so that DuckDB raises its error.
    await connection.run(`SELECT ${exprs.map((e) => `count(${e})`).join(', ')} FROM ${source}`);
    throw changedWhileReading(file);
  }

  const inferred: Record<string, InferredType> = {};
  const loaded: Column[] = columns.map((c, j) => {
    const column = sinks[j].column();
    const declaredType = declared.get(c.name);
    const info: InferredType =
      declaredType === undefined
        ? naturalType(c, column)
        : { type: declaredType, reason: `declared ${declaredType} (stored as ${c.typeText})` };
    inferred[c.name] = info;
    return declaredType !== undefined || column.type !== info.type
      ? convertColumn(column, info.type, file)
      : column;
  });
  return { columns: loaded, inferred, rowCount };
}

/** What a column is without declarations: its storage type decides, and for strings {@link inferStringType}. */
function naturalType(c: SourceColumn, column: Column): InferredType {
  switch (c.storage) {
    case 'numeric':
      return { type: 'numerical', reason: `${c.typeText}: numbers` };
    case 'boolean':
      return { type: 'boolean', reason: `${c.typeText}: true/false values (stored as 1/0)` };
    case 'datetime':
      return {
        type: 'datetime',
        reason: `${c.typeText}: dates and times (stored as epoch milliseconds, UTC)`,
      };
    default:
      return column.kind === 'categorical'
        ? inferStringType(c.typeText, stringStats(column.codes, column.dictionary))
        : { type: 'numerical', reason: c.typeText };
  }
}

interface Sink {
  /** Copies the first `rows` values of a result vector to rows [offset, offset + rows). */
  read(vector: ReturnType<typeof rawVector>, rows: number, offset: number): void;
  column(): Column;
}

function makeSink(c: SourceColumn, rowCount: number): Sink {
  const name = c.name;
  if (c.storage !== 'string') {
    const values = new Float64Array(rowCount);
    const type: 'numerical' | 'boolean' | 'datetime' =
      c.storage === 'boolean' ? 'boolean' : c.storage === 'datetime' ? 'datetime' : 'numerical';
    return {
      read: (vector, rows, offset) => copyDoubles(vector, rows, values, offset),
      column: () => ({ kind: 'numeric', name, type, values }),
    };
  }
  const codes = new Int32Array(rowCount);
  const coder = new StringCoder();
  return {
    read: (vector, rows, offset) =>
      coder.codeVector(stringData(vector, rows), validity(vector, rows), rows, codes, offset),
    column: () => ({ kind: 'categorical', name, type: 'categorical', codes, dictionary: coder.dictionary }),
  };
}

function storageOf(type: DuckDBType): Storage {
  switch (type.typeId) {
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.DECIMAL:
    case DuckDBTypeId.BIGNUM:
      return 'numeric';
    case DuckDBTypeId.BOOLEAN:
      return 'boolean';
    case DuckDBTypeId.DATE:
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return 'datetime';
    default:
      // VARCHAR, and everything else read as its text: TIME, INTERVAL, UUID, BLOB, LIST, STRUCT, MAP, JSON, ….
      return 'string';
  }
}

function numericExpr(c: SourceColumn): string {
  const q = identifier(c.name);
  if (c.storage !== 'datetime') return `CAST(${q} AS DOUBLE)`;
  // TIMESTAMPTZ is an instant already; DATE and naive timestamps are read as UTC.
  const instant = c.type.typeId === DuckDBTypeId.TIMESTAMP_TZ ? q : `CAST(${q} AS TIMESTAMP)`;
  return `CAST(epoch_ms(${instant}) AS DOUBLE)`;
}

function stringExpr(c: SourceColumn): string {
  const q = identifier(c.name);
  switch (c.type.typeId) {
    case DuckDBTypeId.VARCHAR:
      // A JSON field holding mixed types: strings without their quotes, other values as JSON text.
      return c.type.alias === 'JSON' ? `(${q} ->> '$')` : q;
    case DuckDBTypeId.STRUCT:
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
    case DuckDBTypeId.MAP:
    case DuckDBTypeId.UNION:
      // Nested values as JSON text ({"k":1}), not DuckDB's display form ({'k': 1}).
      return `CAST(to_json(${q}) AS VARCHAR)`;
    default:
      return `CAST(${q} AS VARCHAR)`;
  }
}

/**
 * The DuckDB table function reading `file`. For CSV, DuckDB's sniffer runs once here (sniff_csv) and its
 * findings — dialect, column types, date formats — are spelled out with auto_detect = false, so the passes that
 * follow do not sniff again. (sniff_csv's ready-made Prompt is not used: it does not escape quotes in paths or
 * column names.)
 */
async function sourceSql(
  connection: DuckDBConnection,
  file: string,
  format: FileFormat,
  options: LoadOptions,
  asText: ReadonlySet<string>,
): Promise<string> {
  const path = literal(file);
  if (format === 'parquet') return `read_parquet(${path})`;
  // JSON types are detected from every record (sample_size = -1): from a sample, DuckDB would round a later 1.5
  // in a field it took for BIGINT, and fail on a later string.
  if (format === 'jsonl') return `read_json(${path}, format = 'newline_delimited', sample_size = -1)`;
  if (format === 'json') return `read_json(${path}, sample_size = -1)`;
  const nullstr = `nullstr = [${missingTokens(options.missing ?? DEFAULT_MISSING)
    .map(literal)
    .join(', ')}]`;
  // The sniffer may otherwise decide that leading rows are a preamble, or that lines starting with '#' are
  // comments, and drop them without a word.
  const fixed = ['header = true', 'skip = 0', "comment = ''", nullstr];
  const args = [path, ...fixed, `auto_type_candidates = [${CSV_TYPE_CANDIDATES.map(literal).join(', ')}]`];
  const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : undefined);
  if (delimiter !== undefined) args.push(`delim = ${literal(delimiter)}`);
  if (asText.size > 0) {
    args.push(`types = {${[...asText].map((name) => `${literal(name)}: 'VARCHAR'`).join(', ')}}`);
  }
  const reader = await connection.runAndReadAll(
    `SELECT * EXCLUDE (Prompt) FROM sniff_csv(${args.join(', ')})`,
  );
  const sniffed = reader.getRowObjectsJS()[0] as unknown as SniffResult;
  const text = (v: string) => literal(v === '(empty)' ? '' : v);
  const columns = sniffed.Columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ');
  const explicit = [
    path,
    'auto_detect = false',
    ...fixed,
    `delim = ${text(sniffed.Delimiter)}`,
    `quote = ${text(sniffed.Quote)}`,
    `escape = ${text(sniffed.Escape)}`,
    // Escaped as DuckDB prints it ("\\n"), which is also how the option reads it.
    `new_line = ${text(sniffed.NewLineDelimiter)}`,
    `columns = {${columns}}`,
  ];
  if (sniffed.DateFormat) explicit.push(`dateformat = ${literal(sniffed.DateFormat)}`);
  if (sniffed.TimestampFormat) explicit.push(`timestampformat = ${literal(sniffed.TimestampFormat)}`);
  return `read_csv(${explicit.join(', ')})`;
}

/** What sniff_csv reports (its Prompt column aside): "(empty)" stands for the empty string. */
interface SniffResult {
  Delimiter: string;
  Quote: string;
  Escape: string;
  NewLineDelimiter: string;
  Columns: { name: string; type: string }[];
  DateFormat: string | null;
  TimestampFormat: string | null;
}

/** Each token, and for non-blank ones the same with one space before and/or after (`' ?'` in UCI Adult). */
export function missingTokens(tokens: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of tokens) {
    out.add(t);
    if (t.trim() !== '') {
      out.add(` ${t}`);
      out.add(`${t} `);
      out.add(` ${t} `);
    }
  }
  return [...out];
}

async function describe(connection: DuckDBConnection, source: string): Promise<SourceColumn[]> {
  const prepared = await connection.prepare(`SELECT * FROM ${source}`);
  const out: SourceColumn[] = [];
  for (let i = 0; i < prepared.columnCount; i++) {
    const type = prepared.columnType(i);
    out.push({ name: prepared.columnName(i), type, storage: storageOf(type), typeText: type.toString() });
  }
  prepared.destroySync();
  return out;
}

/** Runs `sql`, reporting DuckDB's progress (polled every 100 ms) scaled to [0, `scale`]; returns row 1. */
async function runWithProgress(
  connection: DuckDBConnection,
  sql: string,
  report: ((fraction: number) => void) | undefined,
  scale: number,
): Promise<unknown[]> {
  const timer =
    report === undefined
      ? undefined
      : setInterval(() => {
          const { percentage } = connection.progress;
          if (percentage >= 0) report((scale * Math.min(100, percentage)) / 100);
        }, 100);
  timer?.unref();
  try {
    return await firstRow(connection, sql);
  } finally {
    clearInterval(timer);
  }
}

async function firstRow(connection: DuckDBConnection, sql: string): Promise<unknown[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowsJS()[0] as unknown[];
}

/** The column DuckDB failed to convert (a value later in a CSV than the sniffer's sample), if that is the error. */
function conversionFailure(error: unknown): string | undefined {
  if (error instanceof VigilError || !(error instanceof Error)) return undefined;
  const m = /Error when converting column "((?:[^"]|"")*)"/.exec(error.message);
  return m === null ? undefined : m[1].replace(/""/g, '"');
}

async function wrapError(
  error: unknown,
  file: string,
  format: FileFormat,
  delimiter: string | undefined,
): Promise<unknown> {
  if (error instanceof VigilError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (
    (format === 'csv' || format === 'tsv') &&
    /sniffing file|CSV Error on Line|Number of Columns/i.test(message)
  ) {
    const row = await findRaggedRow(file, delimiter ?? (format === 'tsv' ? '\t' : undefined)).catch(
      () => undefined,
    );
    if (row !== undefined) return ragged(file, row, error);
    if (/sniffing file/i.test(message)) {
      return unreadable(file, format, error, 'the delimiter, quoting and header could not be detected');
    }
  }
  return unreadable(file, format, error);
}

function changedWhileReading(file: string): VigilError {
  return new VigilError(
    ErrorCodes.UNREADABLE_FILE,
    `loadFrame: file must not change while it is read; got a different number of rows than counted in ` +
      `${JSON.stringify(file)}`,
    { location: { file }, hint: 'Load a copy of the file that nothing is writing to.' },
  );
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
