/**
 * One scheduler per application (per `app.vigil` context): the `evaluate` route runs its ticks, and `vigil
 * serve` starts its timer, so both share the reference rows it keeps in memory and never overlap.
 */
import type { AppContext } from '../app/context.js';
import { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler.js';

const schedulers = new WeakMap<AppContext, Scheduler>();

/**
 * The application's scheduler, created on first use with the app's store and clock (and `options`, which only
 * the first call's apply: start it from `vigil serve` before the first request to set the interval and grace).
 */
export function appScheduler(
  context: AppContext,
  options: Omit<SchedulerOptions, 'store' | 'now'> = {},
): Scheduler {
  let scheduler = schedulers.get(context);
  if (scheduler === undefined) {
    scheduler = createScheduler({ ...options, store: context.store, now: context.now });
    schedulers.set(context, scheduler);
  }
  return scheduler;
}
