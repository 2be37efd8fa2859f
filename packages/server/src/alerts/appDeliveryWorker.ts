/**
 * One delivery worker per application (per `app.vigil` context), so `vigil serve` starts it and stops it on
 * shutdown with two lines:
 *
 *   const deliveries = appDeliveryWorker(app.vigil, { publicUrl: url, logger: app.log });
 *   deliveries.start();            // …and in close(), before the store closes: await deliveries.stop();
 */
import type { AppContext } from '../app/context.js';
import { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from './deliveryWorker.js';

const workers = new WeakMap<AppContext, DeliveryWorker>();

/**
 * The application's delivery worker, created on first use with the app's store and clock (and `options`, which
 * only the first call's apply).
 */
export function appDeliveryWorker(
  context: AppContext,
  options: Omit<DeliveryWorkerOptions, 'store' | 'now'> = {},
): DeliveryWorker {
  let worker = workers.get(context);
  if (worker === undefined) {
    worker = createDeliveryWorker({ ...options, store: context.store, now: context.now });
    workers.set(context, worker);
  }
  return worker;
}
