/**
 * The API Lambda: the same `createApp(deps)` as the local server, wrapped by hono/aws-lambda
 * (API Gateway HTTP API, payload 2.0), behind CloudFront and its WAF: a request that did not come
 * through CloudFront is refused (functions/lambda/edge.ts). The content comes from the prebuilt
 * content.json (no YAML parser in this bundle), the secrets from Secrets Manager, read again every
 * few minutes so a rotation reaches warm functions, with the previous value still accepted
 * during it (functions/lambda/api-handler.ts). Lead emails are not sent from here: the delivery
 * function does it from the table's stream.
 */
import { loadBundledContent } from '../adapters/content-bundle';
import { dynamoClient } from '../adapters/dynamo-client';
import { rotatingApiHandler } from './api-handler';
import { throughEdgeOnly } from './edge';
import { lambdaRuntime } from './runtime';

const runtime = lambdaRuntime();
const { config } = runtime;
const edgeSecret = await runtime.edgeSecret();
const { content, roster, assets } = loadBundledContent(runtime.contentDir);

const api = rotatingApiHandler(runtime, {
  content,
  roster,
  assets,
  client: dynamoClient(config.DYNAMODB_ENDPOINT, config.AWS_REGION),
  behindEdge: Boolean(edgeSecret),
});
// The secrets are read during the cold start, as before, not on the first request.
await Promise.all([runtime.twilioAuthToken(), runtime.linkSecret(), runtime.twilioApiKeySecret()]);

export const handler = throughEdgeOnly(api, edgeSecret);
