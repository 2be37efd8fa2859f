import { SingleBar } from 'cli-progress';
import type { Terminal } from './terminal.js';

export interface Progress {
  /** Starts a stage: `label` with `total` steps. */
  start(label: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; silent otherwise (CI logs, pipes). */
export function createProgress(terminal: Terminal): Progress {
  if (!terminal.stderrIsTTY) return { start() {}, update() {}, stop() {} };
  let bar: SingleBar | undefined;
  return {
    start(label, total) {
      bar?.stop();
      bar = new SingleBar({
        format: `${label.padEnd(22)} [{bar}] {percentage}% {value}/{total}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      });
      bar.start(total, 0);
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
