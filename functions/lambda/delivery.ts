/**
 * The lead-delivery Lambda on the table's stream: each new (or re-routed) pending lead is sent at
 * once, with partial batch responses (functions/lambda/delivery-handlers.ts).
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { deliveryDeps } from './delivery-deps';
import { streamHandler } from './delivery-handlers';
import { lambdaRuntime } from './runtime';

const runtime = lambdaRuntime();
const deps = deliveryDeps(runtime);
// Read during the cold start; later invocations pick up a rotated link secret.
await deps();

export const handler = async (event: DynamoDBStreamEvent) =>
  streamHandler(await deps(), runtime.metrics)(event);
