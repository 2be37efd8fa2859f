/**
 * Reference uploads are streamed to a temporary file (never held in memory) with a byte limit, then read with
 * `@vigil/io`'s `loadFrame`. The body is the file itself, its format named by the Content-Type (or `?format=`):
 *
 * | Content-Type | format |
 * |---|---|
 * | text/csv | csv |
 * | text/tab-separated-values | tsv |
 * | application/vnd.apache.parquet | parquet |
 * | application/x-ndjson, application/jsonl | jsonl |
 * | application/json | json |
 * | application/vnd.apache.arrow.file, application/vnd.apache.arrow.stream | arrow |
 * | application/octet-stream | from `?format=` (required) |
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileFormat } from '@vigil/io';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../app/httpErrors.js';

export const UPLOAD_TYPES: Record<string, FileFormat | undefined> = {
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'application/vnd.apache.parquet': 'parquet',
  'application/x-parquet': 'parquet',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/json': 'json',
  'application/vnd.apache.arrow.file': 'arrow',
  'application/vnd.apache.arrow.stream': 'arrow',
  'application/octet-stream': undefined,
};

const EXTENSIONS: Record<FileFormat, string> = {
  csv: '.csv',
  tsv: '.tsv',
  parquet: '.parquet',
  jsonl: '.jsonl',
  json: '.json',
  arrow: '.arrow',
};

/** A stored upload: its temporary directory (remove it when done) and file. */
export interface Upload {
  dir: string;
  path: string;
  bytes: number;
  /** The format its Content-Type names, if it names one. */
  format?: FileFormat;
}

export function uploadFileName(format: FileFormat): string {
  return `upload${EXTENSIONS[format]}`;
}

const tooLarge = (limit: number) =>
  new HttpError('PAYLOAD_TOO_LARGE', `the reference file exceeds the upload limit of ${limit} bytes`, {
    details: { limitBytes: limit },
  });

/** Registers the streaming parser for every upload type on `app` (the references plugin) and the cleanup. */
export function addUploadParser(app: FastifyInstance, limit: number, tempDir: string = tmpdir()): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    Object.keys(UPLOAD_TYPES),
    async (request: { headers: Record<string, unknown> }, payload: NodeJS.ReadableStream) => {
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
      const type = String(request.headers['content-type'] ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase();
      const format = UPLOAD_TYPES[type];
      const dir = await mkdtemp(join(tempDir, 'vigil-upload-'));
      // The name carries no format: the route names it once the format is known (loadFrame reads the extension).
      const path = join(dir, 'body');
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          if (bytes > limit) callback(tooLarge(limit));
          else callback(null, chunk);
        },
      });
      try {
        await pipeline(payload, counter, createWriteStream(path));
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      const upload: Upload = { dir, path, bytes, format };
      return upload;
    },
  );
  // The route removes its upload when done; this catches requests that failed before the handler ran.
  app.addHook('onResponse', async (request) => {
    await removeUpload(request.body);
  });
}

/** Removes an upload's temporary directory (anything else is ignored). */
export async function removeUpload(body: unknown): Promise<void> {
  const upload = body as Partial<Upload> | undefined | null;
  if (
    upload !== undefined &&
    upload !== null &&
    typeof upload.dir === 'string' &&
    upload.dir.includes('vigil-upload-')
  ) {
    await rm(upload.dir, { recursive: true, force: true });
  }
}
