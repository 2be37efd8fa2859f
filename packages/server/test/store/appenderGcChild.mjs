// Child process of duckdb.test.ts (run with --expose-gc): batches of duplicates take the staging path after the
// appender's flush failed; a garbage collection during the next write must not disturb it. Prints the failures.
import { createDuckDbStore } from '../../src/store/duckdb/createDuckDbStore.js';

const store = await createDuckDbStore({ path: ':memory:' });
await store.migrate();
await store.createModel({ name: 'm', task: 'binary' });
const batch = (prefix) =>
  Array.from({ length: 500 }, (_, i) => ({
    id: `${prefix}-${i}`,
    timestamp: i,
    features: { x: i },
    prediction: 1,
  }));
await store.insertPredictions('m', batch('a'), 1);
const failures = [];
for (let k = 0; k < 40; k++) {
  try {
    await store.insertPredictions('m', batch('a'), 2);
    const next = store.insertPredictions('m', batch(`n${k}`), 3);
    // Collect garbage at a varying point of the next write's transaction.
    for (let d = 0; d < k % 8; d++) await new Promise((resolve) => setImmediate(resolve));
    globalThis.gc();
    await next;
  } catch (error) {
    failures.push(`${k}: ${error.message}`);
  }
}
await store.close();
process.stdout.write(JSON.stringify(failures));
