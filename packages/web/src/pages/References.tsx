/**
 * References of a model: the ones uploaded (GET /models/{model}/references) and, for admin keys, an upload of a
 * new one (POST /models/{model}/references, the file as the body, its column roles in the query string). For
 * text formats (CSV, TSV, JSON Lines, JSON) the columns are read from the file's start in the browser and each
 * gets a role; for Parquet and Arrow the column names are typed (or taken from the model schema).
 */
import { type FormEvent, useState } from 'react';
import { api, problemsOf, seg } from '../api.js';
import { Empty, ErrorBox, Loading } from '../components/Status.js';
import { formatCount, formatTime } from '../format.js';
import { Link, paths } from '../router.js';
import { useSession } from '../session.js';
import type { Model, Reference } from '../types.js';
import { useApi } from '../useApi.js';

type Format = 'csv' | 'tsv' | 'parquet' | 'jsonl' | 'json' | 'arrow';
type ColumnRole = 'feature' | 'categorical' | 'target' | 'prediction' | 'score' | 'ignore';

const CONTENT_TYPES: Record<Format, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  parquet: 'application/vnd.apache.parquet',
  jsonl: 'application/x-ndjson',
  json: 'application/json',
  arrow: 'application/vnd.apache.arrow.file',
};

const EXTENSIONS: [RegExp, Format][] = [
  [/\.csv$/i, 'csv'],
  [/\.tsv$|\.tab$/i, 'tsv'],
  [/\.parquet$|\.pq$/i, 'parquet'],
  [/\.jsonl$|\.ndjson$/i, 'jsonl'],
  [/\.json$/i, 'json'],
  [/\.arrow$|\.feather$|\.ipc$/i, 'arrow'],
];

const formatOf = (name: string): Format | undefined => EXTENSIONS.find(([re]) => re.test(name))?.[1];

/** Column names from the start of a text file (the header line, or the keys of the first object). */
async function readColumns(file: File, format: Format): Promise<string[] | undefined> {
  if (format === 'parquet' || format === 'arrow') return undefined;
  const head = await file.slice(0, 256 * 1024).text();
  if (format === 'csv' || format === 'tsv') {
    const line = head.split(/\r?\n/)[0] ?? '';
    const separator = format === 'tsv' ? '\t' : line.includes(';') && !line.includes(',') ? ';' : ',';
    return line.split(separator).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  }
  try {
    const first = format === 'jsonl' ? JSON.parse(head.split(/\r?\n/)[0]) : firstObject(head);
    return first && typeof first === 'object' ? Object.keys(first) : undefined;
  } catch {
    return undefined;
  }
}

/** The first object of a JSON array, parsed from the text up to its closing brace. */
function firstObject(text: string): unknown {
  const start = text.indexOf('{');
  let depth = 0;
  let inString = false;
  for (let i = start; i >= 0 && i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return JSON.parse(text.slice(start, i + 1));
  }
  return undefined;
}

/** A first guess at each column's role, from its name. */
function guessRole(name: string): ColumnRole {
  const n = name.toLowerCase();
  if (['target', 'label', 'y', 'y_true', 'actual', 'ground_truth'].includes(n)) return 'target';
  if (['prediction', 'predicted', 'y_pred', 'pred'].includes(n)) return 'prediction';
  if (/^(score|proba|probability|predicted_probability|y_score)$/.test(n)) return 'score';
  if (['id', 'uuid', 'timestamp', 'time', 'date', 'ts'].includes(n)) return 'ignore';
  return 'feature';
}

export function ReferencesPage({ model }: { model: string }) {
  const { canEdit } = useSession();
  const modelData = useApi<Model>(`/models/${seg(model)}`);
  const { data, error, loading, reload } = useApi<{ references: Reference[] }>(
    `/models/${seg(model)}/references`,
  );
  return (
    <>
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link to={paths.overview()}>Models</Link> / <Link to={paths.model(model)}>{model}</Link> /{' '}
        <span aria-current="page">references</span>
      </nav>
      <h1>References of {model}</h1>
      <p className="muted">
        A reference is the data the model is compared with (its training or validation set). Drift and data
        quality are measured against the newest one; its columns become the model schema.
      </p>
      {canEdit && modelData.data && <UploadForm model={modelData.data} onUploaded={reload} />}
      <h2>Uploaded</h2>
      {error && <ErrorBox error={error} />}
      {loading && data === undefined && <Loading what="the references" />}
      {data && data.references.length === 0 && <Empty>No reference yet.</Empty>}
      {data && data.references.length > 0 && (
        <div className="table-scroll">
          <table data-testid="references-table">
            <thead>
              <tr>
                <th scope="col">Uploaded</th>
                <th scope="col">Source</th>
                <th scope="col">Version</th>
                <th scope="col">Rows</th>
                <th scope="col">Features</th>
              </tr>
            </thead>
            <tbody>
              {data.references.map((r) => (
                <tr key={r.id}>
                  <td>{formatTime(r.createdAt)}</td>
                  <td>{r.source}</td>
                  <td>{r.version ?? '—'}</td>
                  <td className="num">{formatCount(r.rows)}</td>
                  <td>
                    {r.schema.features.length}: {r.schema.features.map((f) => f.name).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function UploadForm({ model, onUploaded }: { model: Model; onUploaded: () => void }) {
  const [file, setFile] = useState<File | undefined>(undefined);
  const [format, setFormat] = useState<Format | ''>('');
  const [typed, setTyped] = useState('');
  const [roles, setRoles] = useState<Record<string, ColumnRole>>({});
  const [columns, setColumns] = useState<string[]>([]);
  const [positive, setPositive] = useState(model.schema?.positive ?? '');
  const [version, setVersion] = useState('');
  const [state, setState] = useState<{ busy: boolean; done?: string; error?: string; problems?: string[] }>({
    busy: false,
  });

  const useColumns = (names: string[]) => {
    const unique = [...new Set(names.filter((c) => c !== ''))];
    setColumns(unique);
    const known = new Map(model.schema?.features.map((f) => [f.name, f.kind]) ?? []);
    setRoles(
      Object.fromEntries(
        unique.map((c) => {
          const kind = known.get(c);
          return [
            c,
            kind === 'categorical' ? 'categorical' : kind === 'numerical' ? 'feature' : guessRole(c),
          ];
        }),
      ),
    );
  };

  const choose = async (chosen: File | undefined) => {
    setFile(chosen);
    setState({ busy: false });
    if (chosen === undefined) return;
    const detected = formatOf(chosen.name) ?? '';
    setFormat(detected);
    const names = detected === '' ? undefined : await readColumns(chosen, detected);
    if (names !== undefined) useColumns(names);
    else {
      const fromSchema = model.schema?.features.map((f) => f.name) ?? [];
      setTyped(fromSchema.join(', '));
      useColumns(fromSchema);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (file === undefined || format === '') return;
    const having = (role: ColumnRole) => columns.filter((c) => roles[c] === role);
    const one = (role: ColumnRole) => having(role)[0];
    const features = [...having('feature'), ...having('categorical')];
    setState({ busy: true });
    try {
      const reference = await api<Reference>(`/models/${seg(model.name)}/references`, {
        method: 'POST',
        raw: { body: file, contentType: CONTENT_TYPES[format] },
        query: {
          format,
          source: file.name,
          target: one('target'),
          prediction: one('prediction'),
          score: one('score'),
          features: features.length > 0 ? features.join(',') : undefined,
          categorical: having('categorical').join(',') || undefined,
          ignore: having('ignore').join(',') || undefined,
          positive: model.task === 'binary' && positive !== '' ? positive : undefined,
          version: version.trim() || undefined,
        },
      });
      setState({
        busy: false,
        done: `Uploaded ${file.name}: ${formatCount(reference.rows)} rows, ${reference.schema.features.length} features.`,
      });
      onUploaded();
    } catch (e) {
      setState({ busy: false, error: e instanceof Error ? e.message : String(e), problems: problemsOf(e) });
    }
  };

  const multiple = (['target', 'prediction', 'score'] as const).filter(
    (role) => columns.filter((c) => roles[c] === role).length > 1,
  );

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="upload-title">
      <h2 id="upload-title">Upload a reference</h2>
      <div className="row">
        <label>
          File (CSV, TSV, Parquet, JSON Lines, JSON or Arrow)
          <input
            type="file"
            accept=".csv,.tsv,.tab,.parquet,.pq,.jsonl,.ndjson,.json,.arrow,.feather,.ipc"
            onChange={(e) => choose(e.target.files?.[0])}
            required
          />
        </label>
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as Format)} required>
            <option value="">choose…</option>
            {Object.keys(CONTENT_TYPES).map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          Version (optional)
          <input
            value={version}
            onChange={(e) => setVersion(e.target.value)}
            placeholder={model.activeVersion ?? 'v1'}
          />
        </label>
        {model.task === 'binary' && (
          <label>
            Positive class (optional)
            <input value={positive} onChange={(e) => setPositive(e.target.value)} placeholder="1" />
          </label>
        )}
      </div>
      {file !== undefined && (format === 'parquet' || format === 'arrow') && (
        <label>
          Columns of the file (comma-separated; the browser does not read {format} headers)
          <input
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              useColumns(e.target.value.split(',').map((s) => s.trim()));
            }}
          />
        </label>
      )}
      {columns.length > 0 && (
        <fieldset>
          <legend>Column roles</legend>
          <div className="table-scroll">
            <table className="roles" data-testid="roles-table">
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Role</th>
                </tr>
              </thead>
              <tbody>
                {columns.map((c) => (
                  <tr key={c}>
                    <th scope="row">{c}</th>
                    <td>
                      <select
                        aria-label={`Role of column ${c}`}
                        value={roles[c] ?? 'feature'}
                        onChange={(e) => setRoles({ ...roles, [c]: e.target.value as ColumnRole })}
                      >
                        <option value="feature">feature (type inferred)</option>
                        <option value="categorical">feature, categorical</option>
                        <option value="target">target (ground truth)</option>
                        <option value="prediction">prediction</option>
                        {model.task === 'binary' && (
                          <option value="score">score (positive-class probability)</option>
                        )}
                        <option value="ignore">ignore (id, time, …)</option>
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {multiple.length > 0 && (
            <p className="error" role="alert">
              Only one column can be the {multiple.join(', ')}.
            </p>
          )}
        </fieldset>
      )}
      <div aria-live="polite">
        {state.done && <p className="note">{state.done}</p>}
        {state.error && (
          <div className="error" role="alert">
            {state.error}
            {state.problems && state.problems.length > 1 && (
              <ul>
                {state.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={state.busy || file === undefined || format === '' || multiple.length > 0}
        >
          {state.busy ? 'Uploading…' : 'Upload'}
        </button>
      </div>
    </form>
  );
}
