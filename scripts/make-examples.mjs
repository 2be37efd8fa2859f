// Derives the committed demo data under examples/employment/ from ../shared/data/employment (ACS PUMS
// Massachusetts, as prepared by the NannyML project). Run once by a maintainer; users never need ../shared.
//   node scripts/make-examples.mjs
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(root, '../shared/data/employment');
const out = resolve(root, 'examples/employment');
mkdirSync(out, { recursive: true });

// PUMS codes: these columns are categories (marital status, relationship, …), not quantities, so the demo files
// store them as strings and Vigil's type inference gets them right without flags. AGEP (age) and SCHL
// (educational attainment, an ordered scale 1–24) stay numerical.
const categorical = [
  'MAR',
  'RELP',
  'DIS',
  'ESP',
  'CIT',
  'MIG',
  'MIL',
  'ANC',
  'NATIVITY',
  'DEAR',
  'DEYE',
  'DREM',
  'SEX',
  'RAC1P',
];
const select = [
  'id',
  'AGEP',
  'SCHL',
  ...categorical.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`),
  'year',
  'employed',
  'prediction',
  'predicted_probability',
].join(', ');

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(`COPY (SELECT ${select} FROM read_csv('${source}/reference.csv') ORDER BY id)
  TO '${out}/reference.parquet' (FORMAT parquet, COMPRESSION zstd)`);
await con.run(`COPY (SELECT ${select} FROM read_csv('${source}/analysis.csv') a
  JOIN read_csv('${source}/analysis_target.csv') t USING (id) ORDER BY id)
  TO '${out}/production.parquet' (FORMAT parquet, COMPRESSION zstd)`);
const counts = await con.runAndReadAll(
  `SELECT 'reference' AS f, count(*) FROM '${out}/reference.parquet' UNION ALL SELECT 'production', count(*) FROM '${out}/production.parquet'`,
);
console.log(counts.getRows());
