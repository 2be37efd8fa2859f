/**
 * One scheduler per application (per `app.vigil` context): the `evaluate` route runs its ticks, and `vigil
 * serve` starts its timer, so both share the reference rows it keeps in memory (and its worker threads) and
 * never overlap.
 *
 * The route asks for the scheduler when it is registered, before `vigil serve` gives its options (interval,
 * grace, where errors go): the scheduler is therefore created at its first use (a tick, `start()`), with the
 * options of every call made before that.
 */
import type { AppContext } from '../app/context.js';
import { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler.js';

type AppSchedulerOptions = Omit<SchedulerOptions, 'store' | 'now'>;

interface Entry {
  options: AppSchedulerOptions;
  scheduler?: Scheduler;
  shared: Scheduler;
}

const entries = new WeakMap<AppContext, Entry>();

/**
 * The application's scheduler, created on first use with the app's store and clock and the `options` of the
 * calls made until then (later ones change nothing: give them before the first tick or `start()`).
 */
export function appScheduler(context: AppContext, options: AppSchedulerOptions = {}): Scheduler {
  let entry = entries.get(context);
  if (entry === undefined) {
    const created: Entry = {
      options: {},
      shared: {
        start: () => scheduler().start(),
        // Nothing to stop before the first use.
        stop: () => created.scheduler?.stop() ?? Promise.resolve(),
        tick: (tickOptions) => scheduler().tick(tickOptions),
      },
    };
    const scheduler = () =>
      (created.scheduler ??= createScheduler({ ...created.options, store: context.store, now: context.now }));
    entry = created;
    entries.set(context, entry);
  }
  if (entry.scheduler === undefined) Object.assign(entry.options, options);
  return entry.shared;
}
