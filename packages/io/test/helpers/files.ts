import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Column, type Frame, findColumn, VigilError } from '@vigil/core';
import { expect } from 'vitest';

/** A fresh directory under os.tmpdir(); `write` puts a file in it and returns its path. */
export function tempDir(prefix = 'vigil-io-'): {
  dir: string;
  write: (name: string, content: string | Uint8Array) => string;
  file: (name: string) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    write: (name, content) => {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    file: (name) => path.join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The column called `name` (fails the test when absent). */
export function col(frame: Frame, name: string): Column {
  const c = findColumn(frame, name);
  expect(c, `column ${name}`).toBeDefined();
  return c as Column;
}

/** A categorical column's values as strings, null for missing. */
export function strings(frame: Frame, name: string): (string | null)[] {
  const c = col(frame, name);
  if (c.kind !== 'categorical') throw new Error(`${name} is ${c.kind}, not categorical`);
  return Array.from(c.codes, (k) => (k < 0 ? null : c.dictionary[k]));
}

/** A numeric column's values as a plain array (NaN for missing). */
export function numbers(frame: Frame, name: string): number[] {
  const c = col(frame, name);
  if (c.kind !== 'numeric') throw new Error(`${name} is ${c.kind}, not numeric`);
  return Array.from(c.values);
}

/** Awaits `promise`, expecting a VigilError, and returns it for field-by-field assertions. */
export async function rejection(promise: Promise<unknown>): Promise<VigilError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(VigilError);
    return error as VigilError;
  }
  throw new Error('expected a VigilError, but the promise resolved');
}
