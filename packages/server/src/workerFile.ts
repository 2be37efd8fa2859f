/**
 * Where a worker thread's module is: the compiled `.js` beside the caller in dist/, also when the caller itself runs
 * from src/ as TypeScript (vitest), since Node starts workers from JavaScript only (`npm test` builds first).
 */
export function workerFile(relative: string, callerUrl: string): URL {
  const url = new URL(relative, callerUrl);
  if (!callerUrl.endsWith('.ts')) return url;
  return new URL(url.href.replace('/src/', '/dist/'));
}
