/**
 * The API Lambda: the same `createApp(deps)` as the local server, wrapped by hono/aws-lambda.
 * Dependencies are built once per cold start. Content files are read from the deployment
 * package (CONTENT_ROOT, default the function's own directory).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { handle } from 'hono/aws-lambda';
import { loadContent, loadWebAssets } from '../adapters/content-files';
import { dynamoClient } from '../adapters/dynamo-client';
import { createDynamoLeadStore } from '../adapters/dynamo-leads';
import { createDynamoSmsStore } from '../adapters/dynamo-sms-store';
import { createDynamoStore } from '../adapters/dynamo-store';
import { jsonLogger } from '../adapters/log';
import { loadRoster } from '../adapters/roster-file';
import { outboxSender, twilioRestSender } from '../adapters/sms-sender';
import { hashToken, newCode, newSecret, newToken } from '../adapters/tokens';
import { loadConfig } from '../config';
import { createApp } from '../http/app';

const config = loadConfig();
const root = process.env.CONTENT_ROOT ?? process.env.LAMBDA_TASK_ROOT ?? process.cwd();
const now = () => new Date();

const client = dynamoClient(config.DYNAMODB_ENDPOINT, config.AWS_REGION);
if (!config.TWILIO_AUTH_TOKEN) throw new Error('TWILIO_AUTH_TOKEN must be set on AWS');

const content = loadContent({ root, firmFile: config.FIRM_FILE });
const timeZone = content.firm.timeZone;

const app = createApp({
  // Leads are stored with the conversation that qualified; on AWS a DynamoDB Streams consumer
  // delivers them (the deployment issue), with the same functions as the local worker.
  leads: {
    leads: createDynamoLeadStore({ client, tableName: config.TABLE_NAME, timeZone }),
    roster: loadRoster(config.ROSTER_FILE ?? join(root, 'prompts', 'roster.example.yaml')),
    newId: randomUUID,
    now,
    timeZone,
  },
  store: createDynamoStore({ client, tableName: config.TABLE_NAME, now, timeZone }),
  sms: createDynamoSmsStore({ client, tableName: config.TABLE_NAME, timeZone }),
  newTokenHash: () => hashToken(newToken()),
  twilio: { authToken: config.TWILIO_AUTH_TOKEN, publicBaseUrl: config.PUBLIC_BASE_URL },
  sender:
    config.TWILIO_ACCOUNT_SID && config.TWILIO_FROM_NUMBER
      ? twilioRestSender({
          accountSid: config.TWILIO_ACCOUNT_SID,
          authToken: config.TWILIO_AUTH_TOKEN,
          from: config.TWILIO_FROM_NUMBER,
        })
      : outboxSender('/tmp/sms-outbox'),
  newCode,
  newSecret,
  publicBaseUrl: config.PUBLIC_BASE_URL,
  content,
  assets: loadWebAssets(root),
  now,
  newId: randomUUID,
  allowedOrigins: config.ALLOWED_ORIGINS,
  log: jsonLogger(),
});

export const handler = handle(app);
