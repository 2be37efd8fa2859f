/**
 * Runs `COPY (query) TO STDOUT (FORMAT binary)` on a `pg` client and hands each tuple to a reader as its bytes
 * arrive, keeping none. `pg` itself has no COPY API and cannot return binary results (its protocol parser decodes
 * every DataRow field as UTF-8 text), and pg-copy-streams is not a dependency: this is the part of it the store
 * needs, as a pg "submittable" (an object with `submit(connection)` that the client calls, then feeds the
 * connection's messages to `handle…` methods).
 *
 * PostgreSQL sends one CopyData message per tuple ("Messages sent from the backend will always correspond to single
 * data rows", https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-COPY); the binary file header
 * (11-byte signature, int32 flags, int32 extension length, the extension) comes in front of the first one, and an
 * int16 -1 field count ends the data (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format").
 */
import type pg from 'pg';

/**
 * Reads the fields of one tuple starting at byte `at` of `bytes` / `view` (both over the whole underlying buffer),
 * after its int16 field count `fields`; returns the offset where the tuple ends.
 */
export type TupleReader = (bytes: Buffer, view: DataView, at: number, fields: number) => number;

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

class CopyOut implements pg.Submittable {
  readonly done: Promise<number>;
  private resolve!: (rows: number) => void;
  private reject!: (error: unknown) => void;
  private failure: unknown;
  private header = true;
  private ended = false;
  private rows = 0;
  private arrayBuffer: ArrayBufferLike | undefined;
  private bytes: Buffer = Buffer.alloc(0);
  private view: DataView = new DataView(new ArrayBuffer(0));

  constructor(
    private readonly text: string,
    private readonly readTuple: TupleReader,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: pg.Connection): void {
    connection.query(this.text);
  }

  handleCopyData(message: { chunk: Buffer }): void {
    if (this.failure !== undefined) return;
    try {
      this.read(message.chunk);
    } catch (error) {
      // Thrown here it would reach the socket's data handler; the rest of the data is ignored instead, and the
      // query fails once the server is done.
      this.failure = error;
    }
  }

  private read(chunk: Buffer): void {
    // Views over the whole buffer, made once per buffer (the driver reads many messages into one).
    if (chunk.buffer !== this.arrayBuffer) {
      this.arrayBuffer = chunk.buffer;
      this.bytes = Buffer.from(chunk.buffer, 0, chunk.buffer.byteLength);
      this.view = new DataView(chunk.buffer);
    }
    let at = chunk.byteOffset;
    const end = at + chunk.byteLength;
    if (this.header) {
      if (chunk.byteLength < 19 || SIGNATURE.compare(this.bytes, at, at + 11) !== 0) {
        throw new Error('copyOut: the data must start with the binary COPY signature');
      }
      at += 19 + this.view.getInt32(at + 15);
      this.header = false;
    }
    while (at < end) {
      if (this.ended) throw new Error('copyOut: data after the end of the COPY data');
      const fields = this.view.getInt16(at);
      at += 2;
      if (fields === -1) {
        this.ended = true;
        continue;
      }
      at = this.readTuple(this.bytes, this.view, at, fields);
      this.rows++;
    }
    if (at !== end) throw new Error('copyOut: a tuple must end with its CopyData message');
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    if (this.failure !== undefined) this.reject(this.failure);
    else if (!this.ended) this.reject(new Error('copyOut: the statement must be a COPY … TO STDOUT'));
    else this.resolve(this.rows);
  }

  handleError(error: unknown): void {
    this.reject(error);
  }

  // Messages a COPY … TO STDOUT never brings: fail rather than hang or misread.
  handleRowDescription(): void {
    this.failure ??= new Error('copyOut: the statement must be a COPY … TO STDOUT, not a query');
  }

  handleDataRow(): void {}

  handleEmptyQuery(): void {
    this.failure ??= new Error('copyOut: the statement must not be empty');
  }

  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: pg.Connection & { sendCopyFail(message: string): void }): void {
    this.failure ??= new Error('copyOut: the statement must copy to STDOUT, not from STDIN');
    connection.sendCopyFail('copyOut reads only');
  }
}

/**
 * Runs `sql` (a `COPY … TO STDOUT (FORMAT binary)`, with no parameters) on `client`, passing each tuple to
 * `readTuple` as it arrives; resolves to the number of tuples once the server is done.
 *
 * @throws the server's error, or the reader's (the rest of the data is then skipped).
 */
export function copyOut(client: pg.ClientBase, sql: string, readTuple: TupleReader): Promise<number> {
  const query = new CopyOut(sql, readTuple);
  client.query(query);
  return query.done;
}
