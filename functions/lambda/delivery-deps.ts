/**
 * The delivery functions' dependencies, built once per cold start: the lead store, the roster and
 * firm from content.json (no knowledge index: these functions only send mail), the link secret
 * from Secrets Manager and the mailer MAIL_TRANSPORT names (`ses` on AWS).
 */
import { join } from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { readContentBundle } from '../adapters/content-bundle';
import { dynamoClient } from '../adapters/dynamo-client';
import { createDynamoLeadStore } from '../adapters/dynamo-leads';
import { jsonLogger } from '../adapters/log';
import { createMailer } from '../adapters/mail';
import type { Config } from '../config';
import type { DeliveryDeps } from '../core/leads/delivery';
import type { Mailer } from '../core/ports';
import type { LambdaRuntime } from './runtime';

function lambdaMailer(config: Config): Mailer {
  switch (config.MAIL_TRANSPORT) {
    case 'ses':
      return createMailer({
        transport: 'ses',
        ses: { sesClient: new SESv2Client({ region: config.AWS_REGION }), SendEmailCommand },
      });
    case 'smtp':
      return createMailer({ transport: 'smtp', smtpUrl: config.SMTP_URL ?? '' });
    case 'file':
      return createMailer({ transport: 'file', outboxDir: join(config.DATA_DIR, 'outbox') });
  }
}

export async function deliveryDeps(runtime: LambdaRuntime): Promise<DeliveryDeps> {
  const { config } = runtime;
  const bundle = readContentBundle(runtime.contentDir);
  const timeZone = bundle.firm.timeZone;
  const client = dynamoClient(config.DYNAMODB_ENDPOINT, config.AWS_REGION);
  return {
    leads: createDynamoLeadStore({ client, tableName: config.TABLE_NAME, timeZone }),
    roster: bundle.roster,
    mailer: lambdaMailer(config),
    linkSecret: await runtime.linkSecret(),
    publicBaseUrl: config.PUBLIC_BASE_URL,
    firmName: bundle.firm.name,
    strings: bundle.strings,
    mailFrom: config.MAIL_FROM,
    timeZone,
    now: () => new Date(),
    log: jsonLogger(),
  };
}
