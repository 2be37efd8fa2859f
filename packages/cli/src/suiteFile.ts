/**
 * Reads a suite YAML file (issue 3 §3) into a core `Suite` plus the data it names, checking its shape with errors
 * `file:line: message` (the YAML parser's line counter gives every key's line).
 */
import path from 'node:path';
import {
  assertUniqueCheckIds,
  type Condition,
  checkNames,
  closestNames,
  type DriftTestName,
  driftTestNames,
  ErrorCodes,
  type EvaluationTask,
  findCheck,
  isPresetName,
  type PresetName,
  type PValueCorrection,
  type Suite,
  type SuiteCheck,
  VigilError,
} from '@vigil/core';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';

/** What `data:` names: files (resolved against the suite's folder) and column roles. */
export interface SuiteDataSpec {
  reference?: string;
  current: string;
  schema?: string;
  task?: EvaluationTask;
  target?: string;
  prediction?: string;
  score?: string;
  probas?: string;
  positive?: string;
  threshold?: number;
  query?: string;
  relevance?: string;
  k?: number[];
  nFeatures?: number;
  columns?: string[];
  /** `data.drift`: the options of `vigil drift` for every drift check (and the data-drift preset). */
  drift?: SuiteDriftSpec;
  /** Line of each key under `data:`, for messages about it (e.g. a role column missing from the data). */
  lines: Record<string, number>;
}

/** The drift options a suite may set, as `vigil drift --test --threshold --drift-share --correction`. */
export interface SuiteDriftSpec {
  test?: DriftTestName | 'auto';
  threshold?: number;
  driftShare?: number;
  correction?: PValueCorrection;
}

export interface SuiteFile {
  suite: Suite;
  data: SuiteDataSpec;
}

const tasks = ['binary', 'multiclass', 'regression', 'clustering', 'ranking'] as const;
const operators = ['gt', 'gte', 'lt', 'lte', 'eq', 'between'] as const;
const relativeConditions = ['notWorseThanReference', 'closeToReference'] as const;
const corrections: readonly PValueCorrection[] = ['none', 'bonferroni', 'holm', 'fdr_bh'];

/**
 * Parses and checks a suite.
 * @param text - the YAML.
 * @param file - its path, for messages and to resolve the data files against.
 * @throws VigilError INVALID_ARGUMENT with `location: { file, line }` for malformed YAML, unknown keys, unknown
 *   check or preset names (with the closest names), wrong condition shapes.
 */
export function parseSuiteFile(text: string, file: string): SuiteFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  const fail = (line: number | undefined, message: string, hint?: string): never => {
    throw new VigilError(ErrorCodes.INVALID_ARGUMENT, message, {
      hint,
      location: { file, ...(line === undefined ? {} : { line }) },
    });
  };
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    fail(
      error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line,
      `suite: the file must be valid YAML; ${error.message.split('\n')[0]}`,
    );
  }
  const root = doc.contents;
  if (!isMap(root))
    return fail(
      lineOf(root) ?? 1,
      'suite: the file must be a mapping with `data:` and `checks:` (or `presets:`)',
    );

  /** The map's entries with their key lines; unknown keys rejected with suggestions. */
  const entries = (map: YAMLMap, allowed: readonly string[], where: string) => {
    const out = new Map<string, { node: Node | null; line: number | undefined }>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const line = lineOf(pair.key as Node);
      if (!allowed.includes(key)) {
        fail(line, `${where}: unknown key ${JSON.stringify(key)}`, suggestion(key, allowed));
      }
      out.set(key, { node: pair.value as Node | null, line });
    }
    return out;
  };
  const top = entries(root, ['name', 'description', 'data', 'presets', 'checks'], 'suite');

  const scalar = (entry: { node: Node | null; line?: number } | undefined, what: string) => {
    if (!entry) return undefined;
    if (!isScalar(entry.node)) return fail(entry.line, `${what} must be a single value`);
    return entry.node.value;
  };
  const string = (entry: { node: Node | null; line?: number } | undefined, what: string) => {
    const value = scalar(entry, what);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number')
      return fail(entry?.line, `${what} must be a string; got ${JSON.stringify(value)}`);
    return String(value);
  };
  const number = (entry: { node: Node | null; line?: number } | undefined, what: string) => {
    const value = scalar(entry, what);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value))
      return fail(
        lineOf(entry?.node) ?? entry?.line,
        `${what} must be a finite number; got ${JSON.stringify(value)}`,
      );
    return value;
  };
  const stringList = (entry: { node: Node | null; line?: number } | undefined, what: string) => {
    if (!entry) return undefined;
    if (!isSeq(entry.node) || entry.node.items.length === 0)
      return fail(entry.line, `${what} must be a non-empty list, e.g. [a, b]`);
    return entry.node.items.map((item) => {
      if (!isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number'))
        return fail(lineOf(item as Node) ?? entry.line, `${what} must list names`);
      return String(item.value);
    });
  };

  // data:
  const dataEntry = top.get('data');
  if (!dataEntry) fail(1, 'suite: `data:` is required (at least `current:`)');
  if (!isMap(dataEntry!.node))
    return fail(dataEntry!.line, 'data must be a mapping (reference, current, task, …)');
  const dataKeys = [
    'reference',
    'current',
    'schema',
    'task',
    'target',
    'prediction',
    'score',
    'probas',
    'positive',
    'threshold',
    'query',
    'relevance',
    'k',
    'nFeatures',
    'columns',
    'drift',
  ];
  const d = entries(dataEntry!.node, dataKeys, 'data');
  const folder = path.dirname(file);
  const resolve = (p: string | undefined) => (p === undefined ? undefined : path.resolve(folder, p));
  const current = resolve(string(d.get('current'), 'data.current'));
  if (current === undefined) fail(dataEntry!.line, 'data.current is required: the file to check');
  const taskValue = string(d.get('task'), 'data.task');
  if (taskValue !== undefined && !(tasks as readonly string[]).includes(taskValue)) {
    fail(
      d.get('task')!.line,
      `data.task must be one of ${tasks.join(', ')}; got ${JSON.stringify(taskValue)}`,
    );
  }
  const kEntry = d.get('k');
  const k = kEntry
    ? isSeq(kEntry.node)
      ? kEntry.node.items.map((item) => {
          const v = isScalar(item) ? item.value : undefined;
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
            return fail(lineOf(item as Node) ?? kEntry.line, 'data.k must list positive integers');
          return v;
        })
      : fail(kEntry.line, 'data.k must be a list of cut-offs, e.g. [5, 10]')
    : undefined;
  const data: SuiteDataSpec = {
    reference: resolve(string(d.get('reference'), 'data.reference')),
    current: current!,
    schema: resolve(string(d.get('schema'), 'data.schema')),
    task: taskValue as EvaluationTask | undefined,
    target: string(d.get('target'), 'data.target'),
    prediction: string(d.get('prediction'), 'data.prediction'),
    score: string(d.get('score'), 'data.score'),
    probas: string(d.get('probas'), 'data.probas'),
    positive: string(d.get('positive'), 'data.positive'),
    threshold: number(d.get('threshold'), 'data.threshold'),
    query: string(d.get('query'), 'data.query'),
    relevance: string(d.get('relevance'), 'data.relevance'),
    k,
    nFeatures: number(d.get('nFeatures'), 'data.nFeatures'),
    columns: stringList(d.get('columns'), 'data.columns'),
    drift: parseDrift(d.get('drift')),
    lines: Object.fromEntries([...d].map(([key, v]) => [key, v.line ?? dataEntry!.line ?? 1])),
  };

  /** `data.drift: { test, threshold, driftShare, correction }`, checked as `vigil drift` checks its options. */
  function parseDrift(
    entry: { node: Node | null; line: number | undefined } | undefined,
  ): SuiteDriftSpec | undefined {
    if (!entry) return undefined;
    if (!isMap(entry.node))
      return fail(
        entry.line,
        'data.drift must be a mapping, e.g. { test: ks, threshold: 0.01, driftShare: 0.3, correction: holm }',
      );
    const o = entries(entry.node, ['test', 'threshold', 'driftShare', 'correction'], 'data.drift');
    const at = (key: string) => lineOf(o.get(key)?.node) ?? o.get(key)?.line;
    const test = string(o.get('test'), 'data.drift.test');
    const tests = ['auto', ...driftTestNames];
    if (test !== undefined && !tests.includes(test)) {
      fail(
        at('test'),
        `data.drift.test must be auto or one of ${driftTestNames.join(', ')}; got ${JSON.stringify(test)}`,
        suggestion(test, tests),
      );
    }
    const threshold = number(o.get('threshold'), 'data.drift.threshold');
    if (threshold !== undefined && !(threshold > 0)) {
      fail(at('threshold'), `data.drift.threshold must be a number > 0; got ${threshold}`);
    }
    const driftShare = number(o.get('driftShare'), 'data.drift.driftShare');
    if (driftShare !== undefined && !(driftShare > 0 && driftShare <= 1)) {
      fail(at('driftShare'), `data.drift.driftShare must be in (0, 1]; got ${driftShare}`);
    }
    const correction = string(o.get('correction'), 'data.drift.correction');
    if (correction !== undefined && !(corrections as readonly string[]).includes(correction)) {
      fail(
        at('correction'),
        `data.drift.correction must be one of ${corrections.join(', ')}; got ${JSON.stringify(correction)}`,
        /^(bh|benjamini|fdr)/i.test(correction)
          ? 'did you mean "fdr_bh" (Benjamini–Hochberg)?'
          : suggestion(correction, corrections),
      );
    }
    return {
      ...(test === undefined ? {} : { test: test as DriftTestName | 'auto' }),
      ...(threshold === undefined ? {} : { threshold }),
      ...(driftShare === undefined ? {} : { driftShare }),
      ...(correction === undefined ? {} : { correction: correction as PValueCorrection }),
    };
  }

  // presets:
  const presets: NonNullable<Suite['presets']> = [];
  const presetEntry = top.get('presets');
  if (presetEntry) {
    if (!isSeq(presetEntry.node))
      fail(presetEntry.line, 'presets must be a list, e.g. [data-drift, data-quality]');
    for (const item of (presetEntry.node as { items: unknown[] }).items) {
      const line = lineOf(item as Node) ?? presetEntry.line;
      const name = isScalar(item) ? String(item.value) : fail(line, 'presets must list preset names');
      if (!isPresetName(name)) {
        fail(
          line,
          `presets: unknown preset ${JSON.stringify(name)}`,
          suggestion(name, [
            'data-quality',
            'data-drift',
            'binary-classification',
            'multiclass-classification',
            'regression',
            'ranking',
          ]),
        );
      }
      presets.push({ name: name as PresetName, line });
    }
  }

  // checks:
  const checks: SuiteCheck[] = [];
  const checksEntry = top.get('checks');
  if (checksEntry && checksEntry.node !== null) {
    if (!isSeq(checksEntry.node))
      fail(checksEntry.line, 'checks must be a list of `- <check>: <condition>` items');
    for (const item of (checksEntry.node as { items: unknown[] }).items) {
      checks.push(parseCheck(item as Node));
    }
  }
  if (checks.length === 0 && presets.length === 0) {
    fail(checksEntry?.line ?? 1, 'suite: at least one check or preset is required');
  }

  function parseCheck(item: Node): SuiteCheck {
    const line = lineOf(item);
    if (!isMap(item))
      return fail(line, 'checks: each item must be a mapping like `- accuracy: { gte: 0.8 }`');
    let check: SuiteCheck | undefined;
    let severity: SuiteCheck['severity'];
    let column: string | undefined;
    let name: string | undefined;
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyLine = lineOf(pair.key as Node) ?? line;
      const value = pair.value as Node | null;
      if (key === 'severity') {
        const s = isScalar(value) ? value.value : undefined;
        if (s !== 'fail' && s !== 'warn')
          fail(keyLine, `severity must be fail or warn; got ${JSON.stringify(s ?? null)}`);
        severity = s as 'fail' | 'warn';
      } else if (key === 'column') {
        column = string({ node: value, line: keyLine }, 'column');
      } else if (key === 'name') {
        name = string({ node: value, line: keyLine }, 'name');
        if (name === undefined || name.trim() === '')
          fail(keyLine, `name must be a non-empty string; got ${JSON.stringify(name ?? null)}`);
      } else {
        if (check) {
          fail(
            keyLine,
            `checks: one check per item; got ${JSON.stringify(check.check)} and ${JSON.stringify(key)}`,
            suggestion(key, ['severity', 'column', 'name']),
          );
        }
        if (!findCheck(key)) {
          fail(keyLine, `checks: unknown check ${JSON.stringify(key)}`, suggestion(key, checkNames()));
        }
        check = { check: key, line: keyLine, condition: parseCondition(value, keyLine, key) };
      }
    }
    if (!check) return fail(line, 'checks: the item names no check', 'e.g. `- accuracy: { gte: 0.8 }`');
    return {
      ...check,
      ...(severity === undefined ? {} : { severity }),
      ...(column === undefined ? {} : { column }),
      ...(name === undefined ? {} : { name }),
    };
  }

  function parseCondition(node: Node | null, line: number | undefined, check: string): Condition | undefined {
    if (node === null || (isScalar(node) && node.value === null)) return undefined;
    const shape =
      'a condition: { gte: 0.8 }, { between: [a, b] }, { notWorseThanReference: { by: 0.05 } }, …';
    if (!isMap(node) || node.items.length !== 1)
      return fail(lineOf(node) ?? line, `${check}: the condition must be ${shape}`);
    const pair = node.items[0];
    const op = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const at = lineOf(pair.key as Node) ?? line;
    const value = pair.value as Node | null;
    const all = [...operators, ...relativeConditions];
    if (!(all as readonly string[]).includes(op)) {
      return fail(
        at,
        `${check}: unknown condition ${JSON.stringify(op)}; allowed: ${all.join(', ')}`,
        suggestion(op, all),
      );
    }
    if (op === 'between') {
      const items = isSeq(value) ? value.items.map((i) => (isScalar(i) ? i.value : undefined)) : [];
      if (
        items.length !== 2 ||
        !items.every((v) => typeof v === 'number' && Number.isFinite(v)) ||
        (items[0] as number) > (items[1] as number)
      ) {
        return fail(at, `${check}: between must be [low, high] with low ≤ high, two numbers`);
      }
      return { type: 'absolute', operator: 'between', value: items as [number, number] };
    }
    if (op === 'notWorseThanReference' || op === 'closeToReference') {
      if (!isMap(value))
        return fail(at, `${check}: ${op} must be { by: <number ≥ 0>, relative: true|false }`);
      const inner = entries(value, ['by', 'relative'], `${check}.${op}`);
      const by = inner.get('by');
      const byValue = isScalar(by?.node) ? by.node.value : undefined;
      if (typeof byValue !== 'number' || !(byValue >= 0) || !Number.isFinite(byValue)) {
        return fail(
          by?.line ?? at,
          `${check}: ${op}.by must be a number ≥ 0; got ${JSON.stringify(byValue ?? null)}`,
        );
      }
      const rel = inner.get('relative');
      const relValue = rel === undefined ? true : isScalar(rel.node) ? rel.node.value : undefined;
      if (typeof relValue !== 'boolean')
        return fail(rel?.line ?? at, `${check}: ${op}.relative must be true or false`);
      return { type: op, by: byValue, relative: relValue };
    }
    const v = isScalar(value) ? value.value : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return fail(at, `${check}: ${op} must be a finite number; got ${JSON.stringify(v ?? null)}`);
    }
    return { type: 'absolute', operator: op as 'gt', value: v };
  }

  const nameValue = string(top.get('name'), 'name');
  const suite: Suite = { name: nameValue ?? path.basename(file), file, presets, checks };
  // Before any data is read: two checks with one id would shadow each other.
  assertUniqueCheckIds(suite);
  return { suite, data };
}

function suggestion(name: string, candidates: readonly string[]): string | undefined {
  const near = closestNames(name, candidates);
  return near.length > 0 ? `did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : undefined;
}
