/**
 * A real HTTP server (node:http on 127.0.0.1, a free port) standing in for `vigil serve` in the client tests: it
 * records every request (time, path, headers, parsed JSON body) and answers what the test scripts, so the client's
 * real `fetch` goes over a real socket. No fetch mock anywhere.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  /** performance.now() when the request's body was complete. */
  at: number;
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Bytes of the body. */
  bytes: number;
  /** The parsed JSON body (undefined when not JSON). */
  body: unknown;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless a string. */
  body?: unknown;
}

/** `'hang'` keeps the request open until `release()` (or the client gives up). */
export type Responder = (request: Received, index: number) => Reply | 'hang' | Promise<Reply | 'hang'>;

export interface Receiver {
  url: string;
  port: number;
  requests: Received[];
  /** Every item of every POST body to `path` (in arrival order). */
  items(path?: string): Record<string, unknown>[];
  respond: Responder;
  /** Answers every hanging request with 200. */
  release(): void;
  /** Serves GET requests from this map of path → [content type, body]. */
  files: Map<string, [string, string]>;
  close(): Promise<void>;
}

/** Starts a receiver answering 200 `{inserted: n}` unless `respond` says otherwise. */
export async function startReceiver(respond?: Responder): Promise<Receiver> {
  const requests: Received[] = [];
  let hanging: ServerResponse[] = [];
  const receiver: Receiver = {
    url: '',
    port: 0,
    requests,
    items: (path) =>
      requests
        .filter(
          (r) => r.method === 'POST' && (path === undefined || r.path === path) && Array.isArray(r.body),
        )
        .flatMap((r) => r.body as Record<string, unknown>[]),
    respond: respond ?? (() => ({ status: 200 })),
    release() {
      for (const res of hanging) send(res, { status: 200, body: { released: true } });
      hanging = [];
    },
    files: new Map(),
    close: () =>
      new Promise<void>((resolve) => {
        receiver.release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const path = req.url ?? '';
      if (req.method === 'GET') {
        const file = receiver.files.get(path.split('?')[0]);
        if (file) res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
        else res.writeHead(404).end();
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = undefined;
      }
      const request: Received = {
        at: performance.now(),
        method: req.method ?? '',
        path,
        headers: req.headers,
        bytes: raw.length,
        body,
      };
      requests.push(request);
      const reply = await receiver.respond(request, requests.length - 1);
      if (reply === 'hang') hanging.push(res);
      else send(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}`;
  return receiver;
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.writableEnded || res.destroyed) return;
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? { ok: true });
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(text);
}

/** Resolves when `condition()` holds, polling every 5 ms; rejects after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`until: ${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
