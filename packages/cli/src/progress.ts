import { SingleBar } from 'cli-progress';
import type { Terminal } from './terminal.js';

export interface Progress {
  /** Starts a stage: `label` with `total` steps. */
  start(label: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal; silent otherwise (CI logs, pipes). The bar writes through the
 * Terminal (a stream-like adapter: cli-progress only needs `write`, `isTTY` and `columns`), so stdout is never
 * touched and a test terminal sees what a user would.
 */
export function createProgress(terminal: Terminal): Progress {
  if (!terminal.stderrIsTTY) return { start() {}, update() {}, stop() {} };
  const stream = {
    isTTY: true,
    columns: process.stderr.columns || 80,
    write(text: string) {
      terminal.stderr(text);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  let bar: SingleBar | undefined;
  return {
    start(label, total) {
      bar?.stop();
      bar = new SingleBar({
        format: `${label.padEnd(22)} [{bar}] {percentage}% {value}/{total}`,
        stream,
        hideCursor: true,
        clearOnComplete: true,
      });
      bar.start(total, 0);
    },
    update(done) {
      // Whole steps only: loaders report fractions, and "3.6359594423223665/100" helps nobody.
      bar?.update(Math.floor(done));
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
