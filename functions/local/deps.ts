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
import { hashToken, newToken } from '../adapters/tokens';
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
}

export function localDeps(options: LocalDepsOptions): AppDeps {
  const now = options.now ?? (() => new Date());
  return {
    store: createDynamoStore({ client: options.client, tableName: options.tableName, now }),
    sms: createDynamoSmsStore({ client: options.client, tableName: options.tableName }),
    newTokenHash: () => hashToken(newToken()),
    twilio: options.twilio,
    content: loadContent({ root: options.root, firmFile: options.firmFile }),
    assets: loadWebAssets(options.root),
    now,
    newId: randomUUID,
    allowedOrigins: options.allowedOrigins ?? ['*'],
    log: options.log ?? jsonLogger(),
  };
}
