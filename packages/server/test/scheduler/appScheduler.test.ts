import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { appScheduler } from '../../src/scheduler/appScheduler.js';
import type { Store } from '../../src/store/types.js';
import { openTestStore } from './testStore.js';

describe('appScheduler(context, options)', () => {
  it('is one scheduler per app, with the options of the calls made before its first use', async () => {
    const store = await openTestStore();
    let ticks = 0;
    const counting = Object.create(store) as Store;
    counting.dirtyWindows = async (limit) => {
      ticks++;
      return store.dirtyWindows(limit);
    };
    const context = { store: counting, now: Date.now } as unknown as AppContext;
    try {
      // As buildApp's evaluate route asks for it first, then `vigil serve` with its interval.
      const fromRoute = appScheduler(context);
      const fromServe = appScheduler(context, { intervalMs: 20 });
      expect(fromServe).toBe(fromRoute);
      fromServe.start();
      await new Promise((resolve) => setTimeout(resolve, 150));
      await fromRoute.stop();
      expect(ticks).toBeGreaterThan(1);
      // Once in use, later options change nothing (the same scheduler).
      expect(appScheduler(context, { intervalMs: 1 })).toBe(fromRoute);
      expect(appScheduler({ ...context } as AppContext)).not.toBe(fromRoute);
    } finally {
      await store.close();
    }
  });

  it('stop() before any use resolves without creating the scheduler', async () => {
    const context = { store: {} as Store, now: Date.now } as unknown as AppContext;
    await expect(appScheduler(context).stop()).resolves.toBeUndefined();
  });
});
