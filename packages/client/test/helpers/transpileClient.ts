/**
 * Compiles packages/client/src to plain ESM in a temporary folder with TypeScript's `transpileModule`, for the
 * tests that load the client outside vitest (a child Node process, Chromium). The sources' `.js` import
 * specifiers already name the emitted files, so the output runs as is.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Returns the folder holding `index.js` and the other modules, and the modules' texts by file name. */
export function transpileClient(): { dir: string; files: Map<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-client-'));
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, string>();
  for (const name of readdirSync(SRC)) {
    if (!name.endsWith('.ts')) continue;
    const { outputText } = ts.transpileModule(readFileSync(join(SRC, name), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: name,
    });
    const out = name.replace(/\.ts$/, '.js');
    writeFileSync(join(dir, out), outputText);
    files.set(out, outputText);
  }
  return { dir, files };
}
