/**
 * The in-process lead delivery worker for local runs: a pass at once when a lead is stored, and
 * one every few seconds for retries and escalations, and the hearing reminders due. On AWS a
 * DynamoDB Streams consumer with a dead-letter queue does the same job with the same functions
 * (functions/core/leads/delivery.ts), and the timer Lambda sends the reminders
 * (functions/core/reminders/send.ts).
 */
import { deliverDue, deliverLead } from '../core/leads/delivery';
import { sendDueReminders } from '../core/reminders/send';
import type { AppDeps } from '../http/app';

export function startDeliveryWorker(deps: AppDeps, everyMs = 5_000) {
  const delivery = deps.delivery;
  if (!delivery) throw new Error('the delivery worker needs deps.delivery');
  let running: Promise<unknown> | undefined;
  let again = false;
  // Leads just stored, delivered by id as the stream does on AWS: a pass reads only the last
  // LOOKBACK_DAYS of leads, and an older lead updated now (a new hearing date, a second intake)
  // must go out too.
  const kicked = new Set<string>();
  const pass = () => {
    // One pass at a time; a kick during a pass runs one more after it.
    if (running) {
      again = true;
      return running;
    }
    // Each job on its own: a failing delivery pass does not hold back the reminders.
    const logged = (event: string) => (error: unknown) =>
      delivery.log.error(event, { error: error instanceof Error ? error.name : 'Error' });
    const reminders = deps.reminders;
    const ids = [...kicked];
    kicked.clear();
    running = Promise.all(
      ids.map((id) => deliverLead(delivery, id).catch(logged('delivery_failed'))),
    )
      .then(() => deliverDue(delivery))
      .catch(logged('delivery_pass_failed'))
      .then(() => reminders && sendDueReminders(reminders).catch(logged('reminder_pass_failed')))
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
    /** A pass now; with a lead's id, that lead is delivered first whatever its age. */
    kick: (leadId?: string) => {
      if (leadId) kicked.add(leadId);
      void pass();
    },
    /** Resolves when the current pass (if any) has finished. */
    idle: () => running ?? Promise.resolve(),
    stop: () => clearInterval(timer),
  };
}
