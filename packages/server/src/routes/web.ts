/**
 * The dashboard's static files (issue 5 §2: "built into static assets served by the server"): packages/web/dist at
 * `/`, public, through @fastify/static's `sendFile` (ranges, ETag, Last-Modified, MIME types, path checks).
 *
 * - A GET of a file that exists answers it. Vite names the files under `assets/` by content hash
 *   (`index-3f2a1b.js`), so they are cached for a year as `immutable`; everything else (index.html above all)
 *   is `no-cache` (revalidated with its ETag), so a rebuilt dashboard is picked up on the next load.
 * - Any other GET outside `/api/` and `/metrics` whose last segment has no extension answers index.html: the
 *   dashboard routes in the browser (`/models/churn`), and a reload must find it. A missing file with an extension
 *   (`/assets/gone.js`) stays 404, so a stale page never gets HTML for its script.
 * - When the folder has no index.html (the dashboard was not built), those pages answer a short HTML page saying
 *   how to build it. The folder is looked at per request, so `npm run build` while the server runs is enough.
 */
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFoundHandler } from '../app/httpErrors.js';

/** packages/web/dist, from this file in packages/server/{dist,src}/routes/. */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../../web/dist/', import.meta.url));
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The page answered when the dashboard was not built. */
export const NOT_BUILT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vigil</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>Vigil</h1>
<p>The server is running, but the dashboard was not built: run <code>npm run build</code>, then reload.</p>
<p>The API is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
</body></html>
`;

/** Paths the dashboard never answers: the API and the Prometheus endpoint keep their own 404s. */
function isServerPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/metrics' || path.startsWith('/metrics/');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The route group serving `root` (an absolute folder). */
export function webRoutes(root: string): FastifyPluginAsyncTypebox {
  const base = resolve(root);
  return async (app) => {
    // serve: false: no route per file (the folder may not exist yet); the handler below decides.
    await app.register(fastifyStatic, { root: base, serve: false });

    const answer = async (request: FastifyRequest, reply: FastifyReply) => {
      let path: string;
      try {
        path = decodeURIComponent(request.url.split('?')[0]);
      } catch {
        return notFoundHandler(request, reply);
      }
      if (isServerPath(path) || path.includes('\0')) return notFoundHandler(request, reply);
      const file = resolve(base, `.${path}`);
      const inside = file === base || file.startsWith(base + sep);
      if (inside && file !== base && (await isFile(file))) {
        const relative = file.slice(base.length + 1);
        const hashed = relative.startsWith(`assets${sep}`);
        reply.header('cache-control', hashed ? IMMUTABLE : REVALIDATE);
        return reply.sendFile(relative.split(sep).join('/'), base, { cacheControl: false });
      }
      if (!inside || extname(path) !== '') return notFoundHandler(request, reply);
      reply.header('cache-control', REVALIDATE);
      if (!(await isFile(resolve(base, 'index.html')))) {
        return reply.type('text/html; charset=utf-8').send(NOT_BUILT_HTML);
      }
      return reply.sendFile('index.html', base, { cacheControl: false });
    };

    // Not in the OpenAPI document: the dashboard's files are not part of the API.
    app.get('/*', { config: { role: 'public' }, schema: { hide: true } }, answer);
  };
}
