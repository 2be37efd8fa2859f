/**
 * Flush-on-exit wiring without importing anything from Node, so the module also loads in browsers.
 *
 * Node: one `beforeExit` listener for every live client (not one each, which would trip Node's
 * max-listeners warning past ten clients). `beforeExit` fires when the event loop has nothing left to do; the
 * flush's requests keep the loop alive, and once they settle `beforeExit` fires again with nothing to send, so the
 * process then exits. It does NOT fire on `process.exit()`, on signals or on an uncaught exception: call
 * `await client.close()` first in those paths.
 */

/** What a client offers the exit hook. */
export interface ExitFlushable {
  flushOnExit(): void;
}

interface ProcessLike {
  on(event: 'beforeExit', listener: () => void): unknown;
  removeListener(event: 'beforeExit', listener: () => void): unknown;
}

const live = new Set<ExitFlushable>();
let installedOn: ProcessLike | undefined;

function onBeforeExit(): void {
  for (const client of live) client.flushOnExit();
}

/** The Node `process` object when there is one with an event API (not a browser, not a bundler's stub). */
function nodeProcess(): ProcessLike | undefined {
  const candidate = (globalThis as { process?: Partial<ProcessLike> }).process;
  return typeof candidate?.on === 'function' && typeof candidate.removeListener === 'function'
    ? (candidate as ProcessLike)
    : undefined;
}

/** Flushes `client` when the Node process is about to exit on its own (no-op outside Node). */
export function watchExit(client: ExitFlushable): void {
  const proc = nodeProcess();
  if (!proc) return;
  live.add(client);
  if (!installedOn) {
    proc.on('beforeExit', onBeforeExit);
    installedOn = proc;
  }
}

/** Stops watching `client`; removes the listener with the last client. */
export function unwatchExit(client: ExitFlushable): void {
  live.delete(client);
  if (live.size === 0 && installedOn) {
    installedOn.removeListener('beforeExit', onBeforeExit);
    installedOn = undefined;
  }
}

/** Number of clients the `beforeExit` hook flushes (for tests). */
export function watchedClientCount(): number {
  return live.size;
}

/** The part of `window` the client uses. */
export interface PageTarget {
  addEventListener(type: 'pagehide', listener: () => void): void;
  removeEventListener(type: 'pagehide', listener: () => void): void;
}

/** The page-lifecycle target in a browser (`window`), or undefined in Node and workers. */
export function pageTarget(): PageTarget | undefined {
  const w = (globalThis as { window?: Partial<PageTarget> }).window;
  return typeof w?.addEventListener === 'function' && typeof w.removeEventListener === 'function'
    ? (w as PageTarget)
    : undefined;
}
