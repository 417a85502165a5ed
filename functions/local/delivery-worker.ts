/**
 * The in-process lead delivery worker for local runs: a pass at once when a lead is stored, and
 * one every few seconds for retries and escalations. On AWS a DynamoDB Streams consumer with a
 * dead-letter queue does the same job with the same functions (functions/core/leads/delivery.ts).
 */
import { deliverDue } from '../core/leads/delivery';
import type { AppDeps } from '../http/app';

export function startDeliveryWorker(deps: AppDeps, everyMs = 5_000) {
  const delivery = deps.delivery;
  if (!delivery) throw new Error('the delivery worker needs deps.delivery');
  let running: Promise<unknown> | undefined;
  let again = false;
  const pass = () => {
    // One pass at a time; a kick during a pass runs one more after it.
    if (running) {
      again = true;
      return running;
    }
    running = deliverDue(delivery)
      .catch((error: unknown) =>
        delivery.log.error('delivery_pass_failed', {
          error: error instanceof Error ? error.name : 'Error',
        }),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void pass();
        }
      });
    return running;
  };
  const timer = setInterval(pass, everyMs);
  timer.unref();
  return {
    kick: () => void pass(),
    /** Resolves when the current pass (if any) has finished. */
    idle: () => running ?? Promise.resolve(),
    stop: () => clearInterval(timer),
  };
}
