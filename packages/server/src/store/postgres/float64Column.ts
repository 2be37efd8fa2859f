/**
 * A numeric column that grows one value at a time without reallocating per value: values fill fixed-size blocks,
 * copied once into one Float64Array by `finish()`. NULL is stored as NaN (RowColumns' missing number).
 */
export class Float64Column {
  private readonly blocks: Float64Array[] = [];
  private block: Float64Array;
  private fill = 0;
  length = 0;

  /** @param blockSize values per block (default 32 768: 256 KiB). */
  constructor(private readonly blockSize = 32_768) {
    this.block = new Float64Array(blockSize);
  }

  push(value: number | null): void {
    if (this.fill === this.blockSize) {
      this.blocks.push(this.block);
      this.block = new Float64Array(this.blockSize);
      this.fill = 0;
    }
    this.block[this.fill++] = value === null ? Number.NaN : value;
    this.length++;
  }

  /** All values pushed, in order. */
  finish(): Float64Array {
    const out = new Float64Array(this.length);
    let at = 0;
    for (const block of this.blocks) {
      out.set(block, at);
      at += this.blockSize;
    }
    out.set(this.block.subarray(0, this.fill), at);
    return out;
  }
}
