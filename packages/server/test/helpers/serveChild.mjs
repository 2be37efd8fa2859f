/**
 * `vigil serve` in a child process, for tests whose load generator must not share the server's thread
 * (overload.soak.test.ts). Run as `node --import ./registerTs.mjs serveChild.mjs <duckdb file> <sample ms> [limits]`
 * with an IPC channel (`fork`): it calls `startServer` from the sources — default limits unless a JSON object of
 * `AppLimits` is given, SIGTERM and SIGINT handled as `vigil serve` handles them — and reports over IPC
 * - `{type: 'ready', url, adminKey, limits}` once listening;
 * - `{type: 'sample', at, rss, heapUsed, external, arrayBuffers, lagMs, gate}` every `<sample ms>`: the process's
 *   memory (`process.memoryUsage()`), the worst event-loop delay since the previous sample, and the write gate's
 *   counters;
 * - `{type: 'closed'}` once the server has drained and closed; then it lets the process end by itself, so a
 *   handle left open shows as a process that does not exit.
 * When the parent goes away first, the server closes as on SIGTERM.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from '../../src/serve.js';

const [file, sampleMs = '100', limits = '{}'] = process.argv.slice(2);
const server = await startServer({
  port: 0,
  store: `duckdb:${file}`,
  logLevel: 'warn',
  print: () => undefined,
  limits: JSON.parse(limits),
});
const send = (message) => {
  if (process.connected) process.send(message);
};
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const sample = () => {
  const memory = process.memoryUsage();
  send({
    type: 'sample',
    at: Date.now(),
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    external: memory.external,
    arrayBuffers: memory.arrayBuffers,
    lagMs: lag.max / 1e6,
    gate: server.app.vigil.writeGate.stats(),
  });
  lag.reset();
};
const timer = setInterval(sample, Number(sampleMs));
process.on('disconnect', () => void server.close());
send({ type: 'ready', url: server.url, adminKey: server.adminKey?.key, limits: server.app.vigil.limits });
await server.closed;
clearInterval(timer);
lag.disable();
send({ type: 'closed' });
if (process.connected) process.disconnect();
