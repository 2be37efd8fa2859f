/**
 * The bound of the write path (issue 4 §5 "Overload"): write requests are admitted before their body is read, and
 * only while the rows and bytes admitted but not yet stored stay under the limits. Beyond them the route answers
 * 429 with `Retry-After` and reads nothing more, so memory stays bounded however fast clients send.
 *
 * Admission is checked before parsing, when only the body's length is known (Content-Length, or the body limit
 * when the client streams without one); the rows are added once parsed. A request alone on the path is always
 * admitted, so a single batch at the body limit cannot be refused forever.
 */

export interface WriteGateOptions {
  /** Rows admitted and not yet stored beyond which new writes are refused. */
  maxPendingRows: number;
  /** Body bytes admitted and not yet stored beyond which new writes are refused. */
  maxPendingBytes: number;
  /** Clock in ms (tests inject one). */
  now?: () => number;
}

/** One admitted write request; release it exactly once (later calls are ignored). */
export interface WriteTicket {
  /** Records the rows of the parsed body. */
  setRows(rows: number): void;
  /** Frees the ticket; `stored` rows were written (for the drain-rate estimate). */
  release(stored?: number): void;
}

export interface WriteGateStats {
  inflight: number;
  pendingRows: number;
  pendingBytes: number;
  /** Requests refused with 429 since start. */
  refused: number;
}

export interface WriteGate {
  /** A ticket, or undefined when the path is full (answer 429 with {@link WriteGate.retryAfterSeconds}). */
  tryAcquire(bytes: number): WriteTicket | undefined;
  /** Seconds a refused client should wait: the pending rows over the recent drain rate, 1–60. */
  retryAfterSeconds(): number;
  stats(): WriteGateStats;
  /** Resolves once no admitted write is in flight (graceful shutdown). */
  idle(): Promise<void>;
}

/** Builds a {@link WriteGate}. */
export function createWriteGate(options: WriteGateOptions): WriteGate {
  const now = options.now ?? Date.now;
  let inflight = 0;
  let pendingRows = 0;
  let pendingBytes = 0;
  let refused = 0;
  // Drain rate: an exponentially weighted rows-per-second of completed writes.
  let rate = 0;
  let lastDone = now();
  let waiters: (() => void)[] = [];

  const tryAcquire = (bytes: number): WriteTicket | undefined => {
    const full = pendingRows >= options.maxPendingRows || pendingBytes + bytes > options.maxPendingBytes;
    if (inflight > 0 && full) {
      refused++;
      return undefined;
    }
    inflight++;
    pendingBytes += bytes;
    let rows = 0;
    let released = false;
    return {
      setRows(n) {
        if (released) return;
        pendingRows += n - rows;
        rows = n;
      },
      release(stored = 0) {
        if (released) return;
        released = true;
        inflight--;
        pendingRows -= rows;
        pendingBytes -= bytes;
        if (stored > 0) {
          const t = now();
          const seconds = Math.max((t - lastDone) / 1000, 1e-3);
          const instant = stored / seconds;
          rate = rate === 0 ? instant : 0.8 * rate + 0.2 * instant;
          lastDone = t;
        }
        if (inflight === 0) {
          const done = waiters;
          waiters = [];
          for (const resolve of done) resolve();
        }
      },
    };
  };

  return {
    tryAcquire,
    retryAfterSeconds() {
      if (rate <= 0) return 1;
      return Math.min(60, Math.max(1, Math.ceil(pendingRows / rate)));
    },
    stats: () => ({ inflight, pendingRows, pendingBytes, refused }),
    idle() {
      if (inflight === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
