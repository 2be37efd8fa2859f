/**
 * Module hooks that let a child `node` process run the TypeScript sources directly (Node 20 cannot): `.ts` files
 * are transpiled one by one with TypeScript's `transpileModule` (safe: the sources use verbatimModuleSyntax), a
 * relative `./x.js` import resolves to `./x.ts` when only that exists, and `@vigil/<pkg>` resolves to the
 * package's `src/index.ts` (as the vitest alias does). Register with `node --import ./registerTs.mjs child.mjs`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = new URL('../../../../', import.meta.url);
const packages = new Set(['core', 'io', 'report', 'server']);

export async function resolve(specifier, context, next) {
  const match = /^@vigil\/([a-z]+)$/.exec(specifier);
  if (match !== null && packages.has(match[1])) {
    return { url: new URL(`packages/${match[1]}/src/index.ts`, root).href, shortCircuit: true };
  }
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL !== undefined) {
    const js = new URL(specifier, context.parentURL);
    const source = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (!existsSync(fileURLToPath(js)) && existsSync(fileURLToPath(source))) {
      return { url: source.href, shortCircuit: true };
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const { outputText } = ts.transpileModule(await readFile(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
