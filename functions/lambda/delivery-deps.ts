/**
 * The delivery functions' dependencies, built once per cold start by the one builder
 * (functions/deps.ts): the roster, firm and strings from content.json (no knowledge index: these
 * functions only send mail), the link secret from Secrets Manager and the mailer MAIL_TRANSPORT
 * names (`ses` on AWS, with the SES client made here).
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { readContentBundle } from '../adapters/content-bundle';
import { dynamoClient } from '../adapters/dynamo-client';
import { configuredMailer } from '../adapters/mail';
import type { DeliveryDeps } from '../core/leads/delivery';
import { buildDeliveryDeps } from '../deps';
import type { LambdaRuntime } from './runtime';

export async function deliveryDeps(runtime: LambdaRuntime): Promise<DeliveryDeps> {
  const { config } = runtime;
  const bundle = readContentBundle(runtime.contentDir);
  return buildDeliveryDeps({
    config,
    client: dynamoClient(config.DYNAMODB_ENDPOINT, config.AWS_REGION),
    roster: bundle.roster,
    firm: bundle.firm,
    strings: bundle.strings,
    linkSecret: await runtime.linkSecret(),
    mailer: configuredMailer(
      config,
      config.MAIL_TRANSPORT === 'ses'
        ? { sesClient: new SESv2Client({ region: config.AWS_REGION }), SendEmailCommand }
        : undefined,
    ),
  });
}
