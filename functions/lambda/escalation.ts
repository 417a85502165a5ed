/**
 * The escalation timer Lambda, run every minute by EventBridge Scheduler: retries of failed sends
 * and emergency leads not accepted in time (deliverDue, as the local worker does every 5 s).
 */
import { deliveryDeps } from './delivery-deps';
import { timerHandler } from './delivery-handlers';
import { lambdaRuntime } from './runtime';

export const handler = timerHandler(await deliveryDeps(lambdaRuntime()));
