/**
 * Test data for the dashboard: the committed employment example loaded into a running server through its API,
 * as a user would (model, reference upload, predictions in hourly windows, delayed labels, a forced evaluation).
 * Windows take rows from further and further into production.parquet (2016 → 2018), so the features that really
 * drift show drift; the newest window gets labels for only part of its predictions.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Column } from '@vigil/core';
import { loadFrame } from '@vigil/io';

const examples = fileURLToPath(new URL('../../../examples/employment/', import.meta.url));
export const HOUR = 3_600_000;
export const MODEL = 'employment';

/** Calls the API with the admin key; throws with the body on a non-2xx answer. */
export async function call<T>(base: string, key: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${base}/api/v1${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${key}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

const valueAt = (column: Column, i: number): string | number | null => {
  if (column.kind === 'numeric') {
    const v = column.values[i];
    return Number.isNaN(v) ? null : v;
  }
  const code = column.codes[i];
  return code === -1 ? null : column.dictionary[code];
};

export interface Seeded {
  /** Window starts, oldest first. */
  windows: number[];
  predictions: number;
  /** Sends `n` more predictions into the newest window (it becomes due for evaluation again). */
  addToNewest(n: number): Promise<void>;
}

/**
 * Seeds `windows` closed hourly windows ending at the last full hour, `perWindow` predictions each.
 * @returns the window starts and a way to add predictions later.
 */
export async function seedEmployment(
  base: string,
  key: string,
  { windows = 8, perWindow = 400 }: { windows?: number; perWindow?: number } = {},
): Promise<Seeded> {
  await call(base, key, '/models', {
    method: 'POST',
    body: JSON.stringify({
      name: MODEL,
      task: 'binary',
      windowMs: HOUR,
      description: 'ACS employment (demo data)',
    }),
  });
  const reference = await readFile(`${examples}reference.parquet`);
  const roles = new URLSearchParams({
    target: 'employed',
    prediction: 'prediction',
    score: 'predicted_probability',
    ignore: 'id,year',
    positive: '1',
    source: 'reference.parquet',
  });
  await call(base, key, `/models/${MODEL}/references?${roles}`, {
    method: 'POST',
    body: reference,
    headers: { 'content-type': 'application/vnd.apache.parquet' },
  });

  const { frame } = await loadFrame(`${examples}production.parquet`);
  const column = (name: string) => {
    const found = frame.columns.find((c) => c.name === name);
    if (found === undefined) throw new Error(`seedEmployment: production.parquet has no column ${name}`);
    return found;
  };
  const features = frame.columns.filter(
    (c) => !['id', 'year', 'employed', 'prediction', 'predicted_probability'].includes(c.name),
  );
  const prediction = column('prediction');
  const score = column('predicted_probability');
  const target = column('employed');
  const lastHour = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
  const starts = Array.from({ length: windows }, (_, w) => lastHour - (windows - 1 - w) * HOUR);
  const stride = Math.floor((frame.nRows - perWindow) / Math.max(1, windows - 1));
  let sent = 0;

  const send = async (windowStart: number, from: number, n: number, labelShare: number) => {
    const items = [];
    const labels = [];
    for (let k = 0; k < n; k++) {
      const i = from + k;
      const id = `p${sent + k}`;
      items.push({
        id,
        timestamp: windowStart + Math.floor((k / n) * (HOUR - 1000)),
        features: Object.fromEntries(features.map((c) => [c.name, valueAt(c, i)])),
        prediction: String(valueAt(prediction, i)),
        score: valueAt(score, i),
        latencyMs: 5 + (k % 40) + (k % 97 === 0 ? 120 : 0),
      });
      if (k < n * labelShare) labels.push({ id, label: String(valueAt(target, i)) });
    }
    sent += n;
    await call(base, key, `/models/${MODEL}/predictions`, { method: 'POST', body: JSON.stringify(items) });
    if (labels.length > 0) {
      await call(base, key, `/models/${MODEL}/labels`, { method: 'POST', body: JSON.stringify(labels) });
    }
  };

  for (let w = 0; w < windows; w++) {
    await send(starts[w], w * stride, perWindow, w === windows - 1 ? 0.4 : 1);
  }
  await call(base, key, `/models/${MODEL}/evaluate?force=true`, { method: 'POST' });
  return {
    windows: starts,
    predictions: sent,
    addToNewest: (n: number) => send(starts[windows - 1], 0, n, 0),
  };
}
