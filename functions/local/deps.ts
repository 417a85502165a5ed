/**
 * Builds the app's dependencies for a local process (the `npm start` server and the tests'
 * servers): the real DynamoDB store, content from disk, the real clock.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadContent, loadWebAssets } from '../adapters/content-files';
import { createDynamoSmsStore } from '../adapters/dynamo-sms-store';
import { createDynamoStore } from '../adapters/dynamo-store';
import { jsonLogger } from '../adapters/log';
import { hashToken, newCode, newSecret, newToken } from '../adapters/tokens';
import type { SmsSender } from '../core/sms/line';
import type { AppDeps } from '../http/app';
import type { Logger } from '../http/errors';

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
}

export function localDeps(options: LocalDepsOptions): AppDeps {
  const now = options.now ?? (() => new Date());
  return {
    store: createDynamoStore({ client: options.client, tableName: options.tableName, now }),
    sms: createDynamoSmsStore({ client: options.client, tableName: options.tableName }),
    newTokenHash: () => hashToken(newToken()),
    twilio: options.twilio,
    sender: options.sender,
    newCode,
    newSecret,
    publicBaseUrl: options.twilio.publicBaseUrl,
    content: loadContent({ root: options.root, firmFile: options.firmFile }),
    assets: loadWebAssets(options.root),
    now,
    newId: randomUUID,
    allowedOrigins: options.allowedOrigins ?? ['*'],
    log: options.log ?? jsonLogger(),
  };
}
