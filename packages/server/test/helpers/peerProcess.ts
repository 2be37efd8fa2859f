/**
 * Starts a real peer (a Debian binary such as `prometheus` or `prometheus-alertmanager`) for a peer test: a temporary
 * folder holding its YAML config and data, a free port on 127.0.0.1, and a wait until `GET /-/ready` answers.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1 (free when asked; the caller binds it next). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface PeerProcessOptions {
  /** Names the temporary folder (`vigil-<name>-`), the config file (`<name>.yml`) and the start-up error. */
  name: string;
  binary: string;
  /** Lines of the YAML config file. */
  config: string[];
  /** Command-line arguments, given the config file, a data folder and the `host:port` to listen on. */
  args: (paths: { config: string; data: string; listen: string }) => string[];
  /** Milliseconds between readiness probes. */
  pollMs?: number;
  /** Milliseconds to wait for readiness before failing. */
  timeoutMs?: number;
}

export interface PeerProcess {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** What the peer has written to stdout and stderr so far. */
  log(): string;
  /** Stops the peer (SIGTERM, waiting for it to exit) and removes its folder. */
  stop(): Promise<void>;
}

/** Starts the peer and resolves once `GET <url>/-/ready` is OK; throws with the peer's log if it never is. */
export async function startPeerProcess(options: PeerProcessOptions): Promise<PeerProcess> {
  const dir = await mkdtemp(join(tmpdir(), `vigil-${options.name}-`));
  const config = join(dir, `${options.name}.yml`);
  await writeFile(config, options.config.join('\n'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    options.binary,
    options.args({ config, data: join(dir, 'data'), listen: `127.0.0.1:${port}` }),
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`${options.name} did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
  return { url, log: () => log, stop };
}
