/**
 * Builds the app's dependencies for a local process (the `npm start` server and the tests'
 * servers): the real DynamoDB store, content from disk, the real clock.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadContent, loadWebAssets } from '../adapters/content-files';
import { createDynamoLeadStore } from '../adapters/dynamo-leads';
import { createDynamoSmsStore } from '../adapters/dynamo-sms-store';
import { createDynamoStore } from '../adapters/dynamo-store';
import { jsonLogger } from '../adapters/log';
import { loadRoster } from '../adapters/roster-file';
import { newCode, newSecret, newToken } from '../adapters/tokens';
import type { DeliveryDeps } from '../core/leads/delivery';
import type { Logger, Mailer, SmsSender } from '../core/ports';
import { hashSecret } from '../core/secrets';
import type { AppDeps } from '../http/app';

export interface LocalDepsOptions {
  client: DynamoDBClient;
  tableName: string;
  root: string;
  firmFile?: string;
  allowedOrigins?: string[];
  log?: Logger;
  now?: () => Date;
  twilio: { authToken: string; publicBaseUrl: string };
  /** Where outbound texts go: Twilio's REST API, or a local outbox. */
  sender: SmsSender;
  /** Where lead emails go. */
  mailer: Mailer;
  /** ROSTER_FILE, or the bundled example. */
  rosterFile?: string;
  linkSecret: string;
  mailFrom?: string;
}

export function localDeps(options: LocalDepsOptions): AppDeps {
  const now = options.now ?? (() => new Date());
  const content = loadContent({ root: options.root, firmFile: options.firmFile });
  const timeZone = content.firm.timeZone;
  const { client, tableName } = options;
  const leads = createDynamoLeadStore({ client, tableName, timeZone });
  const roster = loadRoster(
    options.rosterFile ?? join(options.root, 'prompts', 'roster.example.yaml'),
  );
  const log = options.log ?? jsonLogger();
  const delivery: DeliveryDeps = {
    leads,
    roster,
    mailer: options.mailer,
    linkSecret: options.linkSecret,
    publicBaseUrl: options.twilio.publicBaseUrl,
    firmName: content.firm.name,
    strings: content.strings,
    mailFrom: options.mailFrom ?? 'intake@localhost',
    timeZone,
    now,
    log,
  };
  return {
    store: createDynamoStore({ client, tableName, now, timeZone }),
    sms: createDynamoSmsStore({ client, tableName, timeZone }),
    leads: { leads, roster, newId: randomUUID, now, timeZone },
    delivery,
    newTokenHash: () => hashSecret(newToken()),
    twilio: options.twilio,
    sender: options.sender,
    newCode,
    newSecret,
    publicBaseUrl: options.twilio.publicBaseUrl,
    content,
    assets: loadWebAssets(options.root),
    now,
    newId: randomUUID,
    allowedOrigins: options.allowedOrigins ?? ['*'],
    log,
  };
}
