/**
 * NDJSON bodies (`application/x-ndjson`, also sent as `application/ndjson` or `application/jsonl`): one JSON value
 * per line, blank lines ignored, parsed into the same array a JSON body gives, so one schema
 * validates both. A line that is not JSON is a 400 naming its index; more lines than the batch limit fail before
 * any is parsed.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../app/httpErrors.js';

export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];

/** Parses an NDJSON text into its values; `maxItems` bounds the line count. */
export function parseNdjson(text: string, maxItems: number): unknown[] {
  const lines = text.split('\n');
  const items: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (items.length === maxItems) {
      const count = lines.filter((l) => l.trim() !== '').length;
      const problem = `must have at most ${maxItems} items; got ${count}`;
      throw new HttpError('VALIDATION', `body ${problem}`, { details: [{ field: '', problem }] });
    }
    try {
      items.push(JSON.parse(line));
    } catch (error) {
      const index = items.length;
      const problem = `is not valid JSON (line ${i + 1}): ${(error as Error).message}`;
      throw new HttpError('VALIDATION', `body: item ${index} ${problem}; nothing was stored`, {
        details: [{ index, field: '', problem }],
      });
    }
  }
  return items;
}

/** Registers the NDJSON parser on `app` (an encapsulated route plugin). */
export function addNdjsonParser(app: FastifyInstance, maxItems: number, bodyLimit: number): void {
  app.addContentTypeParser(NDJSON_TYPES, { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseNdjson(body as string, maxItems));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
