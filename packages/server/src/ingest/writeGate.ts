/**
 * The bound of the write path (issue 4 §5 "Overload"): write requests are admitted before their body is read, and
 * only while the rows and bytes admitted but not yet stored stay under the limits. Beyond them the route answers
 * 429 with `Retry-After` and reads nothing more, so memory stays bounded however fast clients send.
 *
 * Admission is checked before parsing, when only the body's length is known (Content-Length, or the body limit
 * when the client streams without one): its rows are estimated from the bytes per row of the bodies parsed so far,
 * so the row bound holds before bodies are read, and corrected once parsed. A request alone on the path is always
 * admitted, so a single batch at the body limit cannot be refused forever.
 *
 * Retry-After is the pending rows over the drain rate: rows stored in the last {@link RATE_WINDOW_MS} over that
 * time (per-request rates would be meaningless: a group commit finishes many requests in the same millisecond).
 */

/** How far back stored rows count for the drain rate. */
const RATE_WINDOW_MS = 5000;

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
  // Rows stored recently, oldest first: [time, rows] (the drain rate).
  const done: [number, number][] = [];
  const started = now();
  // Bytes per row of parsed bodies, exponentially weighted (0 until a body has been parsed).
  let bytesPerRow = 0;
  let waiters: (() => void)[] = [];
  const forgetBefore = (t: number) => {
    let k = 0;
    while (k < done.length && done[k][0] < t) k++;
    if (k > 0) done.splice(0, k);
  };

  const tryAcquire = (bytes: number): WriteTicket | undefined => {
    const guess = bytesPerRow > 0 ? Math.ceil(bytes / bytesPerRow) : 0;
    const full =
      pendingRows + guess > options.maxPendingRows || pendingBytes + bytes > options.maxPendingBytes;
    if (inflight > 0 && full) {
      refused++;
      return undefined;
    }
    inflight++;
    pendingBytes += bytes;
    pendingRows += guess;
    let rows = guess;
    let released = false;
    return {
      setRows(n) {
        if (released) return;
        pendingRows += n - rows;
        rows = n;
        if (n > 0) bytesPerRow = bytesPerRow === 0 ? bytes / n : 0.8 * bytesPerRow + 0.2 * (bytes / n);
      },
      release(stored = 0) {
        if (released) return;
        released = true;
        inflight--;
        pendingRows -= rows;
        pendingBytes -= bytes;
        if (stored > 0) {
          const t = now();
          done.push([t, stored]);
          forgetBefore(t - RATE_WINDOW_MS);
        }
        if (inflight === 0) {
          const idle = waiters;
          waiters = [];
          for (const resolve of idle) resolve();
        }
      },
    };
  };

  return {
    tryAcquire,
    retryAfterSeconds() {
      const t = now();
      forgetBefore(t - RATE_WINDOW_MS);
      let stored = 0;
      for (const [, rows] of done) stored += rows;
      if (stored === 0) return 1;
      // Over the whole window once the gate is that old, so a burst does not read as a high rate.
      const seconds = Math.max(Math.min(RATE_WINDOW_MS, t - started), 1000) / 1000;
      return Math.min(60, Math.max(1, Math.ceil(pendingRows / (stored / seconds))));
    },
    stats: () => ({ inflight, pendingRows, pendingBytes, refused }),
    idle() {
      if (inflight === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
