/**
 * The API Lambda: the same `createApp(deps)` as the local server, wrapped by hono/aws-lambda
 * (API Gateway HTTP API, payload 2.0), behind CloudFront and its WAF: a request that did not come
 * through CloudFront is refused (functions/lambda/edge.ts). The content comes from the prebuilt
 * content.json (no YAML parser in this bundle), the secrets from Secrets Manager, read again every
 * few minutes so a rotation reaches warm functions, with the previous value still accepted
 * during it (functions/lambda/api-handler.ts). Lead emails are not sent from here: the delivery
 * function does it from the table's stream; staff sign-in links and the notices of an accept or
 * a decline are (MAIL_TRANSPORT=ses).
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { loadBundledContent } from '../adapters/content-bundle';
import { dynamoClient } from '../adapters/dynamo-client';
import { sesMailer } from '../adapters/ses-mail';
import { rotatingApiHandler } from './api-handler';
import { throughEdgeOnly } from './edge';
import { meteredMailer } from './metrics';
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
  mailer:
    config.MAIL_TRANSPORT === 'ses'
      ? meteredMailer(
          sesMailer({
            sesClient: new SESv2Client({ region: config.AWS_REGION }),
            SendEmailCommand,
          }),
          runtime.metrics,
        )
      : undefined,
});
// The secrets are read during the cold start, as before, not on the first request.
await Promise.all([runtime.twilioAuthToken(), runtime.linkSecret(), runtime.twilioApiKeySecret()]);

export const handler = throughEdgeOnly(api, edgeSecret);
