/**
 * The API Lambda: the same `createApp(deps)` as the local server, wrapped by hono/aws-lambda
 * (API Gateway HTTP API, payload 2.0). Dependencies are built once per cold start: the content from
 * the prebuilt content.json (no YAML parser in this bundle), the secrets from Secrets Manager.
 * Lead emails are not sent from here: the delivery function does it from the table's stream.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { getConnInfo, handle } from 'hono/aws-lambda';
import { loadBundledContent } from '../adapters/content-bundle';
import { dynamoClient } from '../adapters/dynamo-client';
import { createDynamoLeadStore } from '../adapters/dynamo-leads';
import { createDynamoSmsStore } from '../adapters/dynamo-sms-store';
import { createDynamoStore } from '../adapters/dynamo-store';
import { jsonLogger } from '../adapters/log';
import { outboxSender, twilioRestSender } from '../adapters/sms-sender';
import { newCode, newSecret, newToken } from '../adapters/tokens';
import type { Mailer } from '../core/ports';
import { UNLIMITED } from '../core/rate-limit';
import { hashSecret } from '../core/secrets';
import { createApp } from '../http/app';
import { lambdaRuntime } from './runtime';

const runtime = lambdaRuntime();
const { config } = runtime;
const now = () => new Date();
const log = jsonLogger();

const client = dynamoClient(config.DYNAMODB_ENDPOINT, config.AWS_REGION);
const [authToken, linkSecret] = await Promise.all([
  runtime.twilioAuthToken(),
  runtime.linkSecret(),
]);
const { content, roster, assets } = loadBundledContent(runtime.contentDir);
const timeZone = content.firm.timeZone;
const leads = createDynamoLeadStore({ client, tableName: config.TABLE_NAME, timeZone });

// The lead links (accept, decline) only save the lead; its email goes out from the stream.
const noMail: Mailer = {
  send: () => Promise.reject(new Error('the API function does not send lead emails')),
};

const app = createApp({
  leads: { leads, roster, newId: randomUUID, now, timeZone },
  delivery: {
    leads,
    roster,
    mailer: noMail,
    linkSecret,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    firmName: content.firm.name,
    strings: content.strings,
    mailFrom: config.MAIL_FROM,
    timeZone,
    now,
    log,
  },
  store: createDynamoStore({ client, tableName: config.TABLE_NAME, now, timeZone }),
  sms: createDynamoSmsStore({ client, tableName: config.TABLE_NAME, timeZone }),
  newTokenHash: () => hashSecret(newToken()),
  twilio: { authToken, publicBaseUrl: config.PUBLIC_BASE_URL },
  sender:
    config.TWILIO_ACCOUNT_SID && config.TWILIO_FROM_NUMBER
      ? twilioRestSender({
          accountSid: config.TWILIO_ACCOUNT_SID,
          authToken,
          from: config.TWILIO_FROM_NUMBER,
        })
      : outboxSender('/tmp/sms-outbox'),
  newCode,
  newSecret,
  publicBaseUrl: config.PUBLIC_BASE_URL,
  content,
  assets,
  now,
  newId: randomUUID,
  allowedOrigins: config.ALLOWED_ORIGINS,
  log,
  // API Gateway's sourceIp: the address the request came from, not a header a client can set.
  ...(config.RATE_LIMITS === 'on'
    ? { clientAddress: (c: Context) => getConnInfo(c).remote.address }
    : { messageRule: UNLIMITED }),
});

export const handler = handle(app);
