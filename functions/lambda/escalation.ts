/**
 * The escalation timer Lambda, run every minute by EventBridge Scheduler: retries of failed sends
 * and emergency leads not accepted in time (deliverDue, as the local worker does every 5 s), and
 * the hearing reminders due (functions/core/reminders/send.ts).
 */
import type { ScheduledEvent } from 'aws-lambda';
import type { ReminderDeps } from '../core/reminders/send';
import { deliveryDeps, reminderDeps } from './delivery-deps';
import { timerHandler } from './delivery-handlers';
import { lambdaRuntime } from './runtime';

const runtime = lambdaRuntime();
const deps = deliveryDeps(runtime);
// Read during the cold start; later invocations pick up a rotated link secret.
await deps();
// Built with the delivery dependencies they share, again when those are (a rotated secret).
let reminders: { for: unknown; deps: ReminderDeps } | undefined;

export const handler = async (event: ScheduledEvent) => {
  const delivery = await deps();
  if (reminders?.for !== delivery)
    reminders = { for: delivery, deps: await reminderDeps(runtime, delivery) };
  return timerHandler(delivery, runtime.metrics, reminders.deps)(event);
};
