/**
 * The demo feature that drifts most between the reference year (2015) and all of production (2016–2018), by the
 * distance `vigil drift` gives these files by default (Jensen–Shannon for categories, normed Wasserstein for
 * numbers): the one the demo's own monitors, on their small windows, must find drifting. The tests of the demo
 * and of the dashboard ask it rather than naming a feature.
 */

import { join } from 'node:path';
import { type Column, columnDrift } from '@vigil/core';
import { loadFrame } from '@vigil/io';
import { DEMO_FEATURES, defaultDemoDataDir } from './demoData.js';

export async function mostDriftingDemoFeature(
  columns: readonly string[] = DEMO_FEATURES,
  dir = defaultDemoDataDir(),
): Promise<string> {
  const names = [...columns];
  const [reference, production] = await Promise.all([
    loadFrame(join(dir, 'reference.parquet'), { columns: names }),
    loadFrame(join(dir, 'production.parquet'), { columns: names }),
  ]);
  const column = (frame: typeof reference.frame, name: string) =>
    frame.columns.find((c) => c.name === name) as Column;
  const distances = names.map((name) => ({
    name,
    distance: columnDrift(column(reference.frame, name), column(production.frame, name)).statistic,
  }));
  distances.sort((a, b) => b.distance - a.distance);
  return distances[0].name;
}
