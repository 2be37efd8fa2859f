import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, test } from 'vitest';
import { createModel, json, startTestApp, type TestApp } from './appHarness.js';

let t: TestApp | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const fixture = (name: string) => new URL(`../../../cli/test/fixtures/${name}`, import.meta.url);

describe('models and versions', () => {
  test('POST, GET, PATCH and DELETE a model', async () => {
    t = await startTestApp({ now: () => 1 });
    const created = await createModel(t, { name: 'churn', task: 'binary', description: 'who leaves' });
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({
      name: 'churn',
      task: 'binary',
      description: 'who leaves',
      windowMs: 3_600_000,
    });
    const again = await createModel(t, { name: 'churn', task: 'regression' });
    expect(json(again)).toEqual({
      error: { code: 'CONFLICT', message: 'model "churn" exists already', details: { model: 'churn' } },
    });
    await createModel(t, { name: 'price', task: 'regression', windowMs: 60_000 });
    const list = json(await t.app.inject({ method: 'GET', url: '/api/v1/models', headers: t.as.read })) as {
      models: { name: string; windowMs: number }[];
    };
    expect(list.models.map((m) => [m.name, m.windowMs])).toEqual([
      ['churn', 3_600_000],
      ['price', 60_000],
    ]);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/models/price',
      headers: t.as.admin,
      payload: { windowMs: 86_400_000 },
    });
    expect(json(patched)).toMatchObject({ name: 'price', windowMs: 86_400_000 });
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/models/price',
      headers: t.as.admin,
    });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    const gone = await t.app.inject({ method: 'GET', url: '/api/v1/models/price', headers: t.as.read });
    expect(json(gone)).toEqual({
      error: {
        code: 'MODEL_NOT_FOUND',
        message: 'model "price" does not exist',
        details: { model: 'price' },
      },
    });
  });

  test('POST models validates the body and names each problem', async () => {
    t = await startTestApp();
    const response = await createModel(t, { name: 'bad name', task: 'ranking', windowMs: 10, colour: 'red' });
    expect(json(response)).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'body.colour is not allowed',
        details: [
          { field: 'colour', problem: 'is not allowed' },
          { field: 'name', problem: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"' },
          { field: 'task', problem: 'must be "binary", "multiclass" or "regression"' },
          { field: 'windowMs', problem: 'must be >= 1000' },
        ],
      },
    });
  });

  test('versions: create, list, activate; an unknown active version is refused', async () => {
    t = await startTestApp();
    await createModel(t);
    const v1 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/churn/versions',
      headers: t.as.admin,
      payload: { version: 'v1' },
    });
    expect(v1.statusCode).toBe(201);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/churn/versions',
      headers: t.as.admin,
      payload: { version: 'v2', description: 'retrained' },
    });
    const model = json(
      await t.app.inject({ method: 'GET', url: '/api/v1/models/churn', headers: t.as.read }),
    );
    // The first version becomes the active one; later ones only when asked.
    expect(model).toMatchObject({ activeVersion: 'v1' });
    const versions = json(
      await t.app.inject({ method: 'GET', url: '/api/v1/models/churn/versions', headers: t.as.read }),
    ) as { versions: { version: string }[] };
    expect(versions.versions.map((v) => v.version).sort()).toEqual(['v1', 'v2']);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/churn/versions',
      headers: t.as.admin,
      payload: { version: 'v1' },
    });
    expect(dup.statusCode).toBe(409);
    const unknown = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/models/churn',
      headers: t.as.admin,
      payload: { activeVersion: 'v9' },
    });
    const problem =
      'must name a version of the model (create it with POST /api/v1/models/churn/versions); got "v9"';
    expect(json(unknown)).toEqual({
      error: {
        code: 'VALIDATION',
        message: `activeVersion ${problem}`,
        details: [{ field: 'activeVersion', problem }],
      },
    });
    const activate = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/models/churn',
      headers: t.as.admin,
      payload: { activeVersion: 'v2' },
    });
    expect(json(activate)).toMatchObject({ activeVersion: 'v2' });
    const versionsOfUnknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/models/nope/versions',
      headers: t.as.read,
    });
    expect(versionsOfUnknown.statusCode).toBe(404);
  });
});

describe('references', () => {
  const upload = (
    t: TestApp,
    query: string,
    contentType: string,
    payload: string | Buffer,
    model = 'churn',
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/models/${model}/references?${query}`,
      headers: { ...t.as.admin, 'content-type': contentType },
      payload,
    });

  test('a CSV reference with roles is stored, and its schema becomes the model schema', async () => {
    t = await startTestApp();
    await createModel(t);
    const csv = await readFile(fixture('binary.csv'));
    const response = await upload(
      t,
      'target=label&prediction=predicted&score=score&ignore=id,churned&source=binary.csv&version=v1&positive=churn',
      'text/csv',
      csv,
    );
    expect(response.statusCode).toBe(201);
    const reference = json(response) as {
      id: number;
      rows: number;
      schema: unknown;
      source: string;
      version: string;
    };
    const schema = {
      features: [{ name: 'region', kind: 'categorical' }],
      classes: ['churn', 'stay'],
      positive: 'churn',
    };
    expect(reference).toMatchObject({
      model: 'churn',
      rows: 150,
      source: 'binary.csv',
      version: 'v1',
      schema,
    });
    const model = json(
      await t.app.inject({ method: 'GET', url: '/api/v1/models/churn', headers: t.as.read }),
    );
    expect(model).toMatchObject({ schema, activeVersion: 'v1' });
    const columns = await t.store.readReference(reference.id, {
      features: [{ name: 'region', kind: 'categorical' }],
    });
    expect(columns.n).toBe(150);
    expect([
      columns.features.region[0],
      columns.labelText[0],
      columns.predictionText[1],
      columns.score[0],
    ]).toEqual(['south', 'churn', 'stay', 0.88]);
    const list = json(
      await t.app.inject({ method: 'GET', url: '/api/v1/models/churn/references', headers: t.as.read }),
    ) as { references: { id: number }[] };
    expect(list.references.map((r) => r.id)).toEqual([reference.id]);
  });

  test('JSON, NDJSON and Parquet references are read like CSV; features default to unassigned columns', async () => {
    t = await startTestApp();
    await createModel(t, { name: 'animals', task: 'multiclass' });
    const records = [
      { size: 1.5, colour: 'grey', animal: 'cat', predicted: 'cat' },
      { size: 7.5, colour: 'brown', animal: 'dog', predicted: 'cat' },
      { size: 0.2, colour: null, animal: 'bird', predicted: 'bird' },
    ];
    const expected = {
      rows: 3,
      schema: {
        features: [
          { name: 'size', kind: 'numerical' },
          { name: 'colour', kind: 'categorical' },
        ],
        classes: ['bird', 'cat', 'dog'],
      },
    };
    const json1 = await upload(
      t,
      'target=animal&prediction=predicted',
      'application/json',
      JSON.stringify(records),
      'animals',
    );
    expect(json(json1)).toMatchObject(expected);
    const ndjson = records.map((r) => JSON.stringify(r)).join('\n');
    const json2 = await upload(
      t,
      'target=animal&prediction=predicted',
      'application/x-ndjson',
      ndjson,
      'animals',
    );
    expect(json(json2)).toMatchObject(expected);

    const dir = await mkdtemp(join(tmpdir(), 'vigil-parquet-'));
    dirs.push(dir);
    const path = join(dir, 'ref.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM (VALUES (1.5, 'grey', 'cat', 'cat'), (7.5, 'brown', 'dog', 'cat'), (0.2, NULL, 'bird', 'bird')) ` +
        `AS t(size, colour, animal, predicted)) TO '${path}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const parquet = await readFile(path);
    const fromParquet = await upload(
      t,
      'target=animal&prediction=predicted',
      'application/vnd.apache.parquet',
      parquet,
      'animals',
    );
    expect(json(fromParquet)).toMatchObject(expected);
    const octet = await upload(
      t,
      'target=animal&prediction=predicted&format=parquet',
      'application/octet-stream',
      parquet,
      'animals',
    );
    expect(json(octet)).toMatchObject(expected);
    const noFormat = await upload(t, 'target=animal', 'application/octet-stream', parquet, 'animals');
    const problem =
      'must name the file format (csv, tsv, parquet, jsonl, json, arrow) when the Content-Type is application/octet-stream';
    expect(json(noFormat)).toEqual({
      error: {
        code: 'VALIDATION',
        message: `querystring.format ${problem}`,
        details: [{ field: 'format', problem }],
      },
    });
  });

  test('probas columns give a multiclass reference its classes in the order named', async () => {
    t = await startTestApp();
    await createModel(t, { name: 'animals', task: 'multiclass' });
    const csv = await readFile(fixture('multiclass.csv'));
    const response = await upload(
      t,
      'target=animal&prediction=predicted&probas=dog=proba_dog,cat=proba_cat,bird=proba_bird&features=batch&categorical=batch',
      'text/csv',
      csv,
      'animals',
    );
    expect(json(response)).toMatchObject({
      schema: { features: [{ name: 'batch', kind: 'categorical' }], classes: ['dog', 'cat', 'bird'] },
    });
    const id = (json(response) as { id: number }).id;
    const columns = await t.store.readReference(id, { features: [], probaClasses: ['cat', 'dog'] });
    expect([columns.probas.cat[0], columns.probas.dog[0]]).toEqual([0.128, 0.564]);
  });

  test('reference errors: unknown columns, unreadable files, empty bodies, unknown models, wrong types', async () => {
    const tempDir = await mkdtemp(join(tmpdir(), 'vigil-staging-'));
    dirs.push(tempDir);
    t = await startTestApp({ limits: { referenceBytes: 100 }, tempDir });
    await createModel(t);
    const unknown = await upload(t, 'target=lable', 'text/csv', 'label,x\na,1\n');
    expect(json(unknown)).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'reference columns: target names no column of the file: "lable" (closest: label, x)',
        details: [{ field: 'target', problem: 'names no column of the file: "lable" (closest: label, x)' }],
      },
    });
    const ragged = await upload(t, 'target=label&source=mine.csv', 'text/csv', 'label,x\na,1\nb,2,3\n');
    expect(ragged.statusCode).toBe(400);
    const body = json(ragged) as { error: { code: string; message: string; details: { file: string } } };
    expect(body.error.code).toBe('UNREADABLE_FILE');
    expect(body.error.details.file).toBe('mine.csv');
    expect(body.error.message).not.toContain('vigil-upload-');
    const empty = await upload(t, 'target=label', 'text/csv', '');
    expect(json(empty)).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'body is empty: send the reference file',
        details: [{ field: '', problem: 'is empty' }],
      },
    });
    const large = await upload(t, 'target=label', 'text/csv', `label,x\n${'a,1\n'.repeat(40)}`);
    expect(json(large)).toEqual({
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message: 'the reference file exceeds the upload limit of 100 bytes',
        details: { limitBytes: 100 },
      },
    });
    const noModel = await upload(t, 'target=label', 'text/csv', 'label,x\na,1\n', 'nope');
    expect(noModel.statusCode).toBe(404);
    const xml = await upload(t, 'target=label', 'application/xml', '<a/>');
    expect(xml.statusCode).toBe(415);
    expect((json(xml) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const query = await upload(t, 'target=label&colour=red', 'text/csv', 'label,x\na,1\n');
    expect(json(query)).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'querystring.colour is not allowed',
        details: [{ field: 'colour', problem: 'is not allowed' }],
      },
    });
    // No temporary upload is left behind, whatever failed (requests that fail before the handler are cleaned up
    // when their response has been sent, which may be just after inject resolves).
    for (let i = 0; i < 50 && (await readdir(tempDir)).length > 0; i++) await setTimeout(20);
    expect(await readdir(tempDir)).toEqual([]);
  });
});
