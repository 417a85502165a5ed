/**
 * What the two HTTP functions share (functions/lambda/api.ts, the clients' API; staff.ts, the
 * staff console): the configuration, the content from the prebuilt content.json (no YAML parser
 * in these bundles), the secrets from Secrets Manager (read again every few minutes so a rotation
 * reaches warm functions, the previous value still accepted during it: api-handler.ts), SES for
 * the mail they send, and the CloudFront check (edge.ts). They differ only in the routes served.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { loadBundledContent } from '../adapters/content-bundle';
import { dynamoClient } from '../adapters/dynamo-client';
import { sesMailer } from '../adapters/ses-mail';
import type { ConflictChecker } from '../core/conflicts/source';
import type { AppPart } from '../http/app';
import { rotatingApiHandler } from './api-handler';
import { throughEdgeOnly } from './edge';
import { meteredMailer } from './metrics';
import { lambdaRuntime } from './runtime';

/**
 * The handler of an HTTP function serving the clients' API and `routes`; `conflicts` builds the
 * conflict check where the function serves its upload (the staff function: functions/lambda/staff.ts).
 */
export async function httpFunction(
  routes: AppPart[] = [],
  conflicts?: (client: DynamoDBClient, tableName: string, contentDir: string) => ConflictChecker,
) {
  const runtime = lambdaRuntime();
  const { config } = runtime;
  const edgeSecret = await runtime.edgeSecret();
  const { content, roster, assets } = loadBundledContent(runtime.contentDir);
  const client = dynamoClient(config.DYNAMODB_ENDPOINT, config.AWS_REGION);
  const api = rotatingApiHandler(runtime, {
    content,
    roster,
    assets,
    client,
    conflicts: conflicts?.(client, config.TABLE_NAME, runtime.contentDir),
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
    routes,
  });
  // The secrets are read during the cold start, not on the first request.
  await Promise.all([
    runtime.twilioAuthToken(),
    runtime.linkSecret(),
    runtime.twilioApiKeySecret(),
  ]);
  return throughEdgeOnly(api, edgeSecret);
}
