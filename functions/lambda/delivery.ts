/**
 * The lead-delivery Lambda on the table's stream: each new (or re-routed) pending lead is sent at
 * once, with partial batch responses (functions/lambda/delivery-handlers.ts).
 */
import { deliveryDeps } from './delivery-deps';
import { streamHandler } from './delivery-handlers';
import { lambdaRuntime } from './runtime';

export const handler = streamHandler(await deliveryDeps(lambdaRuntime()));
