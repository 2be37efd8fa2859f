// `npm run tour`: a tour of the CLI on the committed demo data (examples/employment), no ../shared needed.
// Runs the real CLI, exactly as a user would type it, and prints each command before its output.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vigil = resolve(root, 'packages/cli/bin/vigil.js');
const features = 'AGEP,SCHL,MAR,RELP,DIS,ESP,CIT,MIG,MIL,ANC,NATIVITY,DEAR,DEYE,DREM,SEX,RAC1P';

const tour = [
  [
    'Drift: did the people the model sees in 2016–2018 change from 2015? (16 features + the model output)',
    [
      'drift',
      '--reference',
      'examples/employment/reference.parquet',
      '--current',
      'examples/employment/production.parquet',
      '--columns',
      `${features},predicted_probability`,
    ],
  ],
  [
    'Evaluation: how good are the predictions on 2016–2018, overall and per year, with 95% bootstrap intervals?',
    [
      'eval',
      '--data',
      'examples/employment/production.parquet',
      '--task',
      'binary',
      '--target',
      'employed',
      '--prediction',
      'prediction',
      '--score',
      'predicted_probability',
      '--segment',
      'year',
      '--ci',
      '0.95',
      // 200 resamples keep the tour under half a minute on 200k rows; the default is 1000.
      '--resamples',
      '200',
    ],
  ],
];

console.log(
  'Vigil demo on examples/employment: ACS PUMS Massachusetts, reference 2015, production 2016–2018',
);
console.log(
  '(US Census Bureau, public domain; prepared by the NannyML project, Apache-2.0; see examples/employment/README.md)\n',
);
for (const [what, args] of tour) {
  console.log(`# ${what}`);
  console.log(`$ vigil ${args.join(' ')}\n`);
  const run = spawnSync(process.execPath, [vigil, ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  console.log('');
}
console.log(
  'Next: `npm start` (the monitoring server with a live demo), `npx vigil --help`, and the README tour.',
);
