/**
 * Finds the first CSV record whose number of fields differs from the header's. Used only after DuckDB has
 * refused a file (its sniffer gives up when a short file has a ragged row), so the user learns which line to fix.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/** A record with the wrong number of fields. */
export interface RaggedRow {
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number;
  /** 1-based data row (the header is row 0); differs from `line - 1` when quoted fields span lines. */
  row: number;
  /** Fields in the header. */
  expected: number;
  /** Fields in this record. */
  found: number;
  delimiter: string;
}

const CANDIDATE_DELIMITERS = [',', '\t', ';', '|'];

/**
 * Scans `file` (gzip detected by its magic bytes) with RFC 4180 quoting (`"` quotes, `""` escapes a quote) and
 * returns the first record whose field count differs from the header's, or undefined when every record
 * matches, the file looks binary (a NUL byte), or no delimiter can be guessed. Empty lines are skipped, as
 * DuckDB does. When `delimiter` is undefined, the candidate (`,` tab `;` `|`) most frequent in the header wins.
 */
export async function findRaggedRow(file: string, delimiter?: string): Promise<RaggedRow | undefined> {
  const gzipped = await startsWithGzipMagic(file);
  const raw = createReadStream(file);
  const stream = gzipped ? raw.pipe(createGunzip()) : raw;
  stream.setEncoding('utf8');
  let delim = delimiter;
  let headerText = '';
  let expected = -1;
  let fields = 1;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let row = 0;
  let recordEmpty = true;
  let result: RaggedRow | undefined;
  let binary = false;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let text = chunk;
      if (delim === undefined) {
        // Guess from the header line: buffer until its end is seen, then scan the buffer from the start.
        headerText += chunk;
        const end = headerText.indexOf('\n');
        if (end === -1 && headerText.length < 1 << 20) continue;
        delim = guessDelimiter(end === -1 ? headerText : headerText.slice(0, end));
        if (delim === undefined) break;
        text = headerText;
        headerText = '';
      }
      if (scan(text)) break;
    }
    // A last record without a trailing newline.
    if (result === undefined && !binary && !recordEmpty && expected !== -1 && fields !== expected && delim) {
      result = { line: recordLine, row, expected, found: fields, delimiter: delim };
    }
  } finally {
    raw.destroy();
    if (stream !== raw) stream.destroy();
  }
  return binary ? undefined : result;

  /** Scans text; returns true to stop (a ragged record or binary data was found). */
  function scan(text: string): boolean {
    const d = delim as string;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\0') {
        binary = true;
        return true;
      }
      if (inQuotes) {
        if (c === '"') {
          if (text[i + 1] === '"') i++;
          else inQuotes = false;
        } else if (c === '\n') line++;
        continue;
      }
      if (c === '"') {
        inQuotes = true;
        recordEmpty = false;
      } else if (c === d) {
        fields++;
        recordEmpty = false;
      } else if (c === '\n') {
        if (!recordEmpty) {
          if (expected === -1) expected = fields;
          else if (fields !== expected) {
            result = { line: recordLine, row, expected, found: fields, delimiter: d };
            return true;
          }
          row++;
        }
        line++;
        recordLine = line;
        fields = 1;
        recordEmpty = true;
      } else if (c !== '\r') recordEmpty = false;
    }
    return false;
  }
}

async function startsWithGzipMagic(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(2);
    const { bytesRead } = await handle.read(buffer, 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

function guessDelimiter(header: string): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const d of CANDIDATE_DELIMITERS) {
    let count = 0;
    let inQuotes = false;
    for (const c of header) {
      if (c === '"') inQuotes = !inQuotes;
      else if (c === d && !inQuotes) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
