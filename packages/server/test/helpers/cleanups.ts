import { afterEach } from 'vitest';

/**
 * A list of clean-up functions that runs, last pushed first, after each test of the calling file: push what a test
 * starts (an app, a receiver, a store) and it is closed even when the test fails.
 */
export function cleanupsAfterEach(): (() => Promise<void>)[] {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()!();
  });
  return cleanups;
}
