// Child process of duckdb.test.ts: ingests batches of 500 predictions × 20 features into the DuckDB store at
// argv[2] and prints the number of rows acknowledged (insertPredictions resolved) after each batch, forever.
import { createDuckDbStore } from '../../src/store/duckdb/createDuckDbStore.js';

const store = await createDuckDbStore({ path: process.argv[2] });
await store.migrate();
if ((await store.getModel('m')) === undefined) await store.createModel({ name: 'm', task: 'binary' });
let acked = 0;
for (let b = 0; ; b++) {
  const rows = Array.from({ length: 500 }, (_, i) => {
    const features = {};
    for (let k = 0; k < 20; k++)
      features[`f${k}`] = k % 4 === 0 ? `c${(b + i + k) % 5}` : b * 1000 + i + k / 100;
    return {
      id: `b${b}-${i}`,
      timestamp: 1_700_000_000_000 + b * 1000 + i,
      features,
      prediction: i % 2,
      score: i / 500,
    };
  });
  await store.insertPredictions('m', rows, Date.now());
  acked += rows.length;
  process.stdout.write(`${acked}\n`);
}
