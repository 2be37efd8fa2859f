import { isVigilError } from '@vigil/core';

/**
 * One clear message for the user: what is wrong, where (file, column, row) and what to do. Stack traces only with
 * --debug: a user's input error is not a crash.
 */
export function formatError(error: unknown, debug: boolean): string {
  if (!isVigilError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    const detail =
      debug && error instanceof Error && error.stack
        ? `\n${error.stack}`
        : '\n(run with --debug for details)';
    return `error: ${message}${detail}\n`;
  }
  const { file, column, row, line } = error.location;
  // A place in a file the user wrote (a suite) reads as editors and compilers print it: file:line: message.
  const lines =
    file !== undefined && line !== undefined
      ? [`error: ${file}:${line}: ${error.message}`]
      : [`error: ${error.message}`];
  if (file !== undefined && line === undefined) lines.push(`  file:   ${file}`);
  if (column !== undefined) lines.push(`  column: ${column}`);
  if (row !== undefined) lines.push(`  row:    ${row}`);
  if (error.hint) lines.push(`  hint:   ${error.hint}`);
  if (debug && error.stack) lines.push(error.stack);
  if (debug && error.cause instanceof Error && error.cause.stack)
    lines.push(`caused by: ${error.cause.stack}`);
  return `${lines.join('\n')}\n`;
}
