/**
 * Sets up the demo model through the HTTP API, as the README tells a user to (curl): creates the binary model,
 * uploads the 2015 reference with its column roles (which creates the default monitors), then fits the feature
 * drift monitors to the demo's small windows.
 *
 * Why the drift tests change: a reference of more than 1 000 rows gets distances by default (Evidently's rule:
 * Jensen–Shannon and normed Wasserstein, drift at 0.1), and no feature of this data reaches 0.1 even on whole
 * years (`vigil drift` of 2018 against 2015: ANC 0.042, SCHL 0.031, AGEP 0.024). A demo window holds a few
 * thousand people, the size Evidently gives p-value tests: chi-square for the categorical features and
 * Kolmogorov–Smirnov for the numerical ones (AGEP, SCHL), drift at p < 0.05 after Holm's correction over the
 * features of the monitor. Measured on the example with windows of 5 760 random people of a year: ANC drifts
 * in every 2016–2018 window, SCHL in half of the 2018 ones, and windows drawn from the 2015 reference itself
 * show a drifted feature about once in ten windows. (Chi-square on AGEP would flag every 2017–2018 window
 * because the survey's top code for age changed from 94 to 95, not because people aged: hence KS for numbers.)
 * The default monitors' other settings (alert after 2 drifted windows in a row, performance, quality, volume,
 * latency) are kept.
 */
import type { Model, Monitor } from '../store/types.js';
import { DEMO_ROLES } from './demoData.js';

export interface DemoModelOptions {
  url: string;
  /** An admin key. */
  apiKey: string;
  model: string;
  windowMs: number;
  /** The bytes of `reference.parquet` (read by the caller). */
  reference: Uint8Array;
}

export interface DemoModel {
  model: Model;
  monitors: Monitor[];
}

/** What the server answered, or an error that names the request and the server's message. */
async function call<T>(
  options: DemoModelOptions,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<T> {
  const response = await fetch(`${options.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${options.apiKey}`,
      ...(body === undefined ? {} : { 'content-type': contentType }),
    },
    body: body === undefined ? undefined : body instanceof Uint8Array ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    let message = text;
    try {
      message = (JSON.parse(text) as { error: { message: string } }).error.message;
    } catch {
      // Not the catalogue's JSON: keep the text.
    }
    const error = new Error(
      `setupDemoModel: ${method} ${path.split('?')[0]} must succeed; got ${response.status}: ${message}`,
    );
    (error as Error & { status: number }).status = response.status;
    throw error;
  }
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** Creates the demo model, its reference and monitors (see the module comment). */
export async function setupDemoModel(options: DemoModelOptions): Promise<DemoModel> {
  const name = encodeURIComponent(options.model);
  try {
    await call(options, 'POST', '/models', {
      name: options.model,
      task: 'binary',
      windowMs: options.windowMs,
      description:
        'Demo: is a person employed? ACS PUMS Massachusetts; reference 2015, 2016–2018 replayed as a stream',
    });
  } catch (error) {
    if ((error as { status?: number }).status === 409) {
      throw new Error(
        `vigil serve --demo: the store must not have a model "${options.model}" yet; got one. ` +
          'Run the demo on a fresh store (the default ./vigil-data/demo/ is emptied at each start).',
      );
    }
    throw error;
  }
  const query = new URLSearchParams({
    target: DEMO_ROLES.target,
    prediction: DEMO_ROLES.prediction,
    score: DEMO_ROLES.score,
    ignore: DEMO_ROLES.ignore.join(','),
    source: 'examples/employment/reference.parquet',
  });
  await call(
    options,
    'POST',
    `/models/${name}/references?${query}`,
    options.reference,
    'application/vnd.apache.parquet',
  );
  const model = await call<Model>(options, 'GET', `/models/${name}`);
  const features = model.schema?.features ?? [];
  const categorical = features.filter((f) => f.kind === 'categorical').map((f) => f.name);
  const numerical = features.filter((f) => f.kind === 'numerical').map((f) => f.name);
  const { monitors: defaults } = await call<{ monitors: Monitor[] }>(
    options,
    'GET',
    `/models/${name}/monitors`,
  );
  const featureDrift = defaults.find((m) => m.name === 'feature drift');
  if (featureDrift === undefined) {
    throw new Error('setupDemoModel: the reference upload must create the "feature drift" monitor; got none');
  }
  const drift = { correction: 'holm', alertMetric: 'driftScore' };
  await call(options, 'PATCH', `/models/${name}/monitors/${featureDrift.id}`, {
    config: { features: categorical, test: 'chisquare', ...drift },
  });
  if (numerical.length > 0) {
    await call(options, 'POST', `/models/${name}/monitors`, {
      name: 'feature drift: numerical',
      kind: 'drift',
      config: { features: numerical, test: 'ks', ...drift },
      rule: featureDrift.rule,
      enabled: true,
    });
  }
  const { monitors } = await call<{ monitors: Monitor[] }>(options, 'GET', `/models/${name}/monitors`);
  return { model, monitors };
}
