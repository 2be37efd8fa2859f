/**
 * A liveness prober in a process of its own, so that what it measures is the server's answer time and not the
 * stalls of a busy load generator: `GET <url>` every `<every ms>` on one keep-alive connection (an orchestrator's
 * probe, without the connection set-up), each probe given `<timeout ms>`. Run with an IPC channel (`fork`); send it
 * `'stop'` and it answers `{type: 'probes', probes: [{at, ms, status}]}` (status 0: no answer in time) and exits.
 */
import { Agent, get } from 'node:http';
import { performance } from 'node:perf_hooks';

const [url, everyMs = '250', timeoutMs = '10000'] = process.argv.slice(2);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const probes = [];
let stopping = false;

/** The status of one `GET url`, or 0 when it fails or takes longer than the timeout. */
function probe() {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      request.destroy();
      resolve(0);
    }, Number(timeoutMs));
    const request = get(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => {
        clearTimeout(timer);
        resolve(response.statusCode ?? 0);
      });
    });
    request.on('error', () => {
      clearTimeout(timer);
      resolve(0);
    });
  });
}

process.on('message', (message) => {
  if (message === 'stop') stopping = true;
});
// An orphan (the test runner gone) stops too.
process.on('disconnect', () => {
  stopping = true;
});
while (!stopping) {
  const start = performance.now();
  const status = await probe();
  probes.push({ at: Date.now(), ms: performance.now() - start, status });
  await new Promise((resolve) => setTimeout(resolve, Number(everyMs)));
}
agent.destroy();
if (process.connected) process.send({ type: 'probes', probes }, () => process.disconnect());
