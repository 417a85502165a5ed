/**
 * Rotating a secret as infra/README.md says: put the new value into the secret (Secrets Manager
 * moves the old one to AWSPREVIOUS). Warm functions read the new value within the cache's time
 * limit, not at their next cold start; meanwhile and after, a Twilio webhook signed with the
 * previous auth token and a lead link signed with the previous link secret still work, and
 * anything signed with neither is refused. Secrets Manager is mocked with two values per secret;
 * the app and DynamoDB Local are real.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import {
  GetSecretValueCommand,
  type GetSecretValueCommandInput,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadContent, loadWebAssets } from '../../functions/adapters/content-files';
import { leadWrites } from '../../functions/adapters/dynamo-leads';
import { loadRoster } from '../../functions/adapters/roster-file';
import { SECRET_MAX_AGE_MS, SecretError, secretReader } from '../../functions/adapters/secrets';
import { expectedSignature } from '../../functions/adapters/twilio-signature';
import { leadLinks } from '../../functions/core/leads/links';
import { leadLinkPart } from '../../functions/http/leads';
import { rotatingApiHandler } from '../../functions/lambda/api-handler';
import { deliveryDeps } from '../../functions/lambda/delivery-deps';
import { lambdaRuntime } from '../../functions/lambda/runtime';
import { buildContentDir } from '../../infra/content';
import { aLead } from '../helpers/lead';
import { memoryLogger } from '../helpers/log';
import { freshTable } from '../helpers/server';
import { API_URL, httpEvent } from './events';

const ROOT = resolve(import.meta.dirname, '../..');
const TWILIO_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:TwilioAuthToken-AbCdEf';
const LINK_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:LinkSecret-AbCdEf';
const OLD_TOKEN = 'old-twilio-auth-token-0123456789ab';
const NEW_TOKEN = 'new-twilio-auth-token-0123456789ab';
const OLD_LINK = 'old-link-secret-0123456789abcdefghijklmnop';
const NEW_LINK = 'new-link-secret-0123456789abcdefghijklmnop';

const sm = mockClient(SecretsManagerClient);
/** What Secrets Manager holds: each secret's AWSCURRENT and AWSPREVIOUS values. */
let stored: Record<string, { AWSCURRENT: string; AWSPREVIOUS?: string }>;
/** put-secret-value: the new value is current, the one before it previous. */
const put = (arn: string, value: string) => {
  stored[arn] = { AWSCURRENT: value, AWSPREVIOUS: stored[arn]?.AWSCURRENT };
};
let clock = 0;
const later = (ms: number) => {
  clock += ms;
};

beforeEach(() => {
  sm.reset();
  stored = {};
  clock = 1_000_000;
  sm.on(GetSecretValueCommand).callsFake((input: GetSecretValueCommandInput) => {
    const stage = (input.VersionStage ?? 'AWSCURRENT') as 'AWSCURRENT' | 'AWSPREVIOUS';
    const value = stored[input.SecretId ?? '']?.[stage];
    if (!value) throw new ResourceNotFoundException({ message: 'no such version', $metadata: {} });
    return { SecretString: value };
  });
});
afterAll(() => sm.restore());

const reader = () =>
  secretReader(new SecretsManagerClient({ region: 'us-east-1' }), { now: () => clock });
const currentReads = (arn: string) =>
  sm
    .commandCalls(GetSecretValueCommand, { SecretId: arn })
    .filter((c) => !c.args[0].input.VersionStage).length;

describe('secretReader with a time limit', () => {
  it('keeps a value for the time limit, then reads the rotated one', async () => {
    put(LINK_ARN, OLD_LINK);
    const secrets = reader();
    expect(await secrets.get(LINK_ARN)).toBe(OLD_LINK);
    put(LINK_ARN, NEW_LINK);
    later(SECRET_MAX_AGE_MS - 1);
    expect(await secrets.get(LINK_ARN)).toBe(OLD_LINK);
    later(1);
    expect(await secrets.get(LINK_ARN)).toBe(NEW_LINK);
    expect(await secrets.previous?.(LINK_ARN)).toBe(OLD_LINK);
    expect(currentReads(LINK_ARN)).toBe(2);
  });

  it('has no previous value for a secret put once', async () => {
    put(LINK_ARN, OLD_LINK);
    expect(await reader().previous?.(LINK_ARN)).toBeUndefined();
  });

  it('keeps the last good value when Secrets Manager fails, and tries again next time', async () => {
    put(LINK_ARN, OLD_LINK);
    const secrets = reader();
    await secrets.get(LINK_ARN);
    later(SECRET_MAX_AGE_MS);
    sm.on(GetSecretValueCommand).rejectsOnce(new Error('throttled'));
    expect(await secrets.get(LINK_ARN)).toBe(OLD_LINK);
    put(LINK_ARN, NEW_LINK);
    sm.on(GetSecretValueCommand).callsFake((input: GetSecretValueCommandInput) => ({
      SecretString: stored[input.SecretId ?? '']?.AWSCURRENT,
    }));
    expect(await secrets.get(LINK_ARN)).toBe(NEW_LINK);
  });

  it('without a value ever read, a failure is an error that names the secret only', async () => {
    await expect(reader().get(LINK_ARN)).rejects.toThrow(SecretError);
  });
});

describe('the API through a rotation', () => {
  const content = loadContent({ root: ROOT });
  const roster = loadRoster(join(ROOT, 'prompts/roster.example.yaml'));
  let table: Awaited<ReturnType<typeof freshTable>>;
  beforeAll(async () => {
    table = await freshTable();
  });
  afterAll(() => table.client.destroy());

  function api() {
    const runtime = lambdaRuntime(
      {
        AWS_REGION: 'us-east-1',
        TABLE_NAME: table.tableName,
        PUBLIC_BASE_URL: API_URL,
        TWILIO_AUTH_TOKEN_SECRET_ARN: TWILIO_ARN,
        LINK_SECRET_ARN: LINK_ARN,
      },
      reader(),
    );
    const logs: string[] = [];
    const handler = rotatingApiHandler(runtime, {
      content,
      roster,
      assets: loadWebAssets(ROOT),
      client: table.client,
      behindEdge: false,
      log: memoryLogger(logs),
      // The lead links, as the staff function serves them (functions/lambda/staff.ts).
      routes: [leadLinkPart],
    });
    return { handler, runtime };
  }

  let sid = 0;
  const webhook = (token: string) => {
    const params = {
      MessageSid: `SM${String(++sid).padStart(32, '0')}`,
      AccountSid: `AC${'0'.repeat(32)}`,
      From: `+1213555${String(1000 + sid)}`,
      To: '+12135550142',
      Body: 'Hola',
      NumMedia: '0',
    };
    return httpEvent('POST', '/webhooks/twilio/sms', {
      routeKey: 'POST /webhooks/twilio/sms',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': expectedSignature(token, `${API_URL}/webhooks/twilio/sms`, params),
      },
      body: new URLSearchParams(params).toString(),
      base64: true,
    });
  };
  const status = (res: APIGatewayProxyResult) => res.statusCode;

  it('answers texts signed with the old token and the new one, and no other', async () => {
    put(TWILIO_ARN, OLD_TOKEN);
    put(LINK_ARN, OLD_LINK);
    const { handler } = api();
    expect(status(await handler(webhook(OLD_TOKEN)))).toBe(200);

    // The admin puts Twilio's secondary token into the secret; Twilio still signs with the old
    // one until it is promoted, and this warm function has not seen the new one yet.
    put(TWILIO_ARN, NEW_TOKEN);
    expect(status(await handler(webhook(OLD_TOKEN)))).toBe(200);
    later(SECRET_MAX_AGE_MS);
    // Read again: the new one is current, the old one still accepted.
    expect(status(await handler(webhook(OLD_TOKEN)))).toBe(200);
    expect(status(await handler(webhook(NEW_TOKEN)))).toBe(200);
    expect(status(await handler(webhook('forged-token-0123456789abcdef')))).toBe(403);
    expect(currentReads(TWILIO_ARN)).toBe(2);
  });

  it('opens lead links signed with the old link secret after it was rotated', async () => {
    put(TWILIO_ARN, OLD_TOKEN);
    put(LINK_ARN, OLD_LINK);
    const lead = aLead({ leadId: 'L-rotation-1', createdAt: new Date().toISOString() });
    await table.client.send(
      new TransactWriteItemsCommand({
        TransactItems: leadWrites(table.tableName, lead, content.firm.timeZone),
      }),
    );
    const who = lead.routing.attorneyId ?? 'intake';
    const view = (secret: string) => {
      const url = new URL(leadLinks(API_URL, secret, lead.leadId, who, new Date()).transcript);
      return httpEvent('GET', url.pathname, { query: url.search.slice(1) });
    };
    const { handler } = api();
    expect(status(await handler(view(OLD_LINK)))).toBe(200);
    put(LINK_ARN, NEW_LINK);
    later(SECRET_MAX_AGE_MS);
    expect(status(await handler(view(OLD_LINK)))).toBe(200);
    expect(status(await handler(view(NEW_LINK)))).toBe(200);
    expect(status(await handler(view('never-the-link-secret-0123456789abcdef')))).toBe(403);
  });

  it('the delivery functions sign with the new link secret once they read it', async () => {
    put(LINK_ARN, OLD_LINK);
    const dir = mkdtempSync(join(tmpdir(), 'amparo-rotation-'));
    try {
      buildContentDir({ root: ROOT, rosterFile: 'prompts/roster.example.yaml', outDir: dir });
      const runtime = lambdaRuntime(
        {
          AWS_REGION: 'us-east-1',
          TABLE_NAME: table.tableName,
          LINK_SECRET_ARN: LINK_ARN,
          MAIL_TRANSPORT: 'file',
          DATA_DIR: dir,
          CONTENT_DIR: dir,
        },
        reader(),
      );
      const deps = deliveryDeps(runtime);
      expect((await deps()).linkSecret).toBe(OLD_LINK);
      put(LINK_ARN, NEW_LINK);
      expect((await deps()).linkSecret).toBe(OLD_LINK);
      later(SECRET_MAX_AGE_MS);
      expect((await deps()).linkSecret).toBe(NEW_LINK);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
