/**
 * The escalation timer Lambda, run every minute by EventBridge Scheduler: retries of failed sends
 * and emergency leads not accepted in time (deliverDue, as the local worker does every 5 s).
 */
import type { ScheduledEvent } from 'aws-lambda';
import { deliveryDeps } from './delivery-deps';
import { timerHandler } from './delivery-handlers';
import { lambdaRuntime } from './runtime';

const runtime = lambdaRuntime();
const deps = deliveryDeps(runtime);
// Read during the cold start; later invocations pick up a rotated link secret.
await deps();

export const handler = async (event: ScheduledEvent) =>
  timerHandler(await deps(), runtime.metrics)(event);
