/**
 * Flush on exit in a real Node process: the client (compiled from src with TypeScript) runs in a child `node`
 * that logs and then simply runs out of work; the receiver must get every event before the child exits.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { watchedClientCount } from '../src/exitHooks.js';
import { VigilClient } from '../src/index.js';
import { type Receiver, startReceiver } from './helpers/receiver.js';
import { transpileClient } from './helpers/transpileClient.js';

let dir: string;
let receiver: Receiver | undefined;

beforeAll(() => {
  dir = transpileClient().dir;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** Runs `body` as an ES module next to the compiled client, with `URL` set to the receiver; resolves on exit. */
function runChild(
  name: string,
  body: string,
  url: string,
): Promise<{ code: number | null; stderr: string; ms: number }> {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `import { VigilClient } from './index.js';\nconst URL = ${JSON.stringify(url)};\n${body}\n`,
  );
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr, ms: performance.now() - started }));
  });
}

const LOG_FIVE = `
const client = new VigilClient({ url: URL, apiKey: 'k', model: 'm', flushIntervalMs: 60000, baseDelayMs: 50 });
for (let i = 0; i < 5; i++) client.logPrediction({ id: 'e' + i, features: { x: i }, prediction: i % 2 });
client.logLabel({ id: 'e0', label: 1 });
`;

describe('VigilClient flush on exit (Node)', () => {
  it('a process that logs and runs out of work delivers everything before exiting (beforeExit)', async () => {
    receiver = await startReceiver();
    const { code, stderr, ms } = await runChild('natural', LOG_FIVE, receiver.url);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(receiver.items('/api/v1/models/m/predictions').map((e) => e.id)).toEqual([
      'e0',
      'e1',
      'e2',
      'e3',
      'e4',
    ]);
    expect(receiver.items('/api/v1/models/m/labels')).toEqual([{ id: 'e0', label: 1 }]);
    // The 60 s interval timer did not hold the process: it is unref'd.
    expect(ms).toBeLessThan(10_000);
  });

  it('the process stays alive through a retry of the exit flush', async () => {
    receiver = await startReceiver((_r, n) => (n === 0 ? { status: 503 } : { status: 200 }));
    const { code } = await runChild('retry', LOG_FIVE, receiver.url);
    expect(code).toBe(0);
    const attempts = receiver.requests.filter((r) => r.path.endsWith('/predictions'));
    expect(attempts).toHaveLength(2);
    expect(attempts[1].body).toEqual(attempts[0].body);
    expect((attempts[1].body as unknown[]).length).toBe(5);
  });

  it('process.exit() skips beforeExit: events logged just before it are lost (documented)', async () => {
    receiver = await startReceiver();
    const { code } = await runChild('exit', `${LOG_FIVE}\nprocess.exit(0);`, receiver.url);
    expect(code).toBe(0);
    expect(receiver.requests).toHaveLength(0);
  });

  it('await client.close() before process.exit() delivers everything', async () => {
    receiver = await startReceiver();
    const { code } = await runChild(
      'close',
      `${LOG_FIVE}\nawait client.close();\nprocess.exit(0);`,
      receiver.url,
    );
    expect(code).toBe(0);
    expect(receiver.items('/api/v1/models/m/predictions')).toHaveLength(5);
    expect(receiver.items('/api/v1/models/m/labels')).toHaveLength(1);
  });

  it('new VigilClient() registers with the one beforeExit hook and close() unregisters it', async () => {
    const before = watchedClientCount();
    const listeners = process.listenerCount('beforeExit');
    const a = new VigilClient({ url: 'http://127.0.0.1:1', apiKey: 'k' });
    const b = new VigilClient({ url: 'http://127.0.0.1:1', apiKey: 'k' });
    expect(watchedClientCount()).toBe(before + 2);
    expect(process.listenerCount('beforeExit')).toBe(before === 0 ? listeners + 1 : listeners);
    await a.close();
    await b.close();
    expect(watchedClientCount()).toBe(before);
    expect(process.listenerCount('beforeExit')).toBe(listeners);
  });
});
