/**
 * The Lambda functions tested as Lambda: each entry is bundled as the stack deploys it, the built
 * index.mjs is imported in this process, and its `handler` is called with real-shaped events
 * against DynamoDB Local. The API reads its secrets from Secrets Manager (mocked) as deployed;
 * the delivery function takes LINK_SECRET from the environment, as local runs do.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  DynamoDBBatchResponse,
  DynamoDBStreamEvent,
  ScheduledEvent,
} from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { leadWrites } from '../../functions/adapters/dynamo-leads';
import { leadKey } from '../../functions/adapters/keys';
import { expectedSignature } from '../../functions/adapters/twilio-signature';
import type { Lead } from '../../functions/core/leads/lead';
import { aLead } from '../helpers/lead';
import { freshTable } from '../helpers/server';
import { type BuiltLambda, buildLambda } from './build';
import { API_URL, httpEvent, streamEvent, streamRecord } from './events';

const TWILIO_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:TwilioAuthToken-AbCdEf';
const LINK_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:LinkSecret-AbCdEf';
const TWILIO_TOKEN = 'lambda-test-twilio-token-0123456789';
const LINK_SECRET = 'lambda-test-link-secret-0123456789abcdefghij';

type ApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResult>;
type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

const savedEnv = { ...process.env };
const built: BuiltLambda[] = [];
const secrets = mockClient(SecretsManagerClient);
let table: Awaited<ReturnType<typeof freshTable>>;
let api: BuiltLambda;

/** What the stack gives an HTTP function (the clients' API and the staff console alike). */
function httpEnv(lambda: BuiltLambda): Record<string, string> {
  return {
    AWS_REGION: 'us-east-1',
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    TABLE_NAME: table.tableName,
    PUBLIC_BASE_URL: API_URL,
    MAIL_FROM: 'intake@firm.example',
    TWILIO_AUTH_TOKEN_SECRET_ARN: TWILIO_ARN,
    LINK_SECRET_ARN: LINK_ARN,
    ALLOWED_ORIGINS: 'https://www.firm.example',
    CONTENT_DIR: lambda.dir,
  };
}

/** Imports a built bundle with the environment the stack would give it. */
async function importBundle<T>(lambda: BuiltLambda, env: Record<string, string>): Promise<T> {
  for (const key of Object.keys(process.env))
    if (key.startsWith('AMPARO_')) delete process.env[key];
  Object.assign(process.env, env);
  const module = (await import(/* @vite-ignore */ pathToFileURL(lambda.file).href)) as {
    handler: T;
  };
  return module.handler;
}

beforeAll(async () => {
  table = await freshTable();
  secrets
    .on(GetSecretValueCommand, { SecretId: TWILIO_ARN })
    .resolves({ SecretString: TWILIO_TOKEN });
  secrets.on(GetSecretValueCommand, { SecretId: LINK_ARN }).resolves({ SecretString: LINK_SECRET });
  api = await buildLambda('api');
  built.push(api);
});

afterAll(() => {
  secrets.restore();
  for (const lambda of built) lambda.remove();
  table.client.destroy();
  process.env = savedEnv;
});

describe('the API bundle', () => {
  let handler: ApiHandler;
  const json = (res: APIGatewayProxyResult) =>
    JSON.parse(res.isBase64Encoded ? Buffer.from(res.body, 'base64').toString() : res.body);

  beforeAll(async () => {
    handler = await importBundle<ApiHandler>(api, httpEnv(api));
  });

  it('is small and carries no YAML parser', () => {
    const inputs = Object.keys(api.metafile.inputs);
    expect(inputs.some((i) => i.includes('functions/lambda/api.ts'))).toBe(true);
    expect(inputs.filter((i) => /node_modules\/yaml\//.test(i))).toEqual([]);
    // Numbering plans come from content.json, as data.
    expect(inputs.filter((i) => i.includes('metadata.min.json'))).toEqual([]);
    expect(inputs.filter((i) => /node_modules\/@aws-sdk\//.test(i))).toEqual([]);
    expect(api.bytes).toBeLessThanOrEqual(400 * 1024);
  });

  it('answers a chat turn: a new conversation, then a message with its bearer token', async () => {
    const created = await handler(
      httpEvent('POST', '/api/conversations', {
        headers: { 'content-type': 'application/json', origin: 'https://www.firm.example' },
        body: JSON.stringify({ language: 'en' }),
      }),
    );
    expect(created.statusCode).toBe(201);
    const { conversationId, token, state } = json(created);
    expect(typeof token).toBe('string');
    const turn = await handler(
      httpEvent('POST', `/api/conversations/${conversationId}/messages`, {
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ text: 'yes' }),
      }),
    );
    expect(turn.statusCode).toBe(200);
    const reply = json(turn);
    expect(reply.messages.length).toBeGreaterThan(0);
    expect(reply.messages[0].role).toBe('bot');
    expect(reply.state.step).not.toBe(state.step);
    // Stored in DynamoDB Local, where the next turn will read it.
    const stored = await table.client.send(
      new GetItemCommand({
        TableName: table.tableName,
        Key: { pk: { S: `CONV#${conversationId}` }, sk: { S: 'CONV' } },
      }),
    );
    expect(stored.Item).toBeDefined();
  });

  it('reads phone numbers with the numbering plans from content.json', async () => {
    const created = await handler(
      httpEvent('POST', '/api/conversations', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ language: 'en' }),
      }),
    );
    const { conversationId, token } = json(created);
    let step = '';
    // Asking for a person leaves only the contact questions: the phone is the third. (Without a
    // Twilio account this Lambda cannot text, so "continue by text" is not offered here.)
    for (const text of ['yes', 'person', 'San Diego, CA', 'Maria Lopez', '(213) 373-4299']) {
      const turn = await handler(
        httpEvent('POST', `/api/conversations/${conversationId}/messages`, {
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ text }),
        }),
      );
      expect(turn.statusCode).toBe(200);
      step = json(turn).state.step;
    }
    expect(step).toBe('safeToContact');
  });

  it('answers a Twilio webhook with a valid signature over a base64 form body', async () => {
    const params = {
      MessageSid: `SM${randomUUID().replace(/-/g, '')}`,
      AccountSid: `AC${'0'.repeat(32)}`,
      From: '+12135550177',
      To: '+12135550142',
      Body: 'Hola',
      NumMedia: '0',
    };
    const form = new URLSearchParams(params).toString();
    const signed = (signature: string) =>
      httpEvent('POST', '/webhooks/twilio/sms', {
        routeKey: 'POST /webhooks/twilio/sms',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signature,
        },
        body: form,
        base64: true,
      });
    const ok = await handler(
      signed(expectedSignature(TWILIO_TOKEN, `${API_URL}/webhooks/twilio/sms`, params)),
    );
    expect(ok.statusCode).toBe(200);
    expect(String(ok.headers?.['content-type'])).toMatch(/xml/);
    expect(ok.body).toMatch(/<Response><Message>.+<\/Message>/s);
    const forged = await handler(
      signed(
        expectedSignature('not-the-token-0123456789', `${API_URL}/webhooks/twilio/sms`, params),
      ),
    );
    expect(forged.statusCode).toBe(403);
  });

  it('does not serve the staff console: that is its own function', async () => {
    for (const [method, path] of [
      ['GET', '/console'],
      ['GET', '/console.js'],
      ['POST', '/api/staff/sign-in'],
      // Nor the lead email's signed links: attorneys open them, the staff function serves them.
      ['GET', '/leads/L-1'],
    ] as const) {
      const res = await handler(httpEvent(method, path));
      expect(res.statusCode, path).toBe(404);
    }
    const code = Object.values(api.metafile.outputs).find((o) => o.entryPoint)?.inputs ?? {};
    expect(
      Object.entries(code)
        .filter(
          ([i, v]) =>
            /functions\/(http\/leads|core\/leads\/(email-model|accept))\.ts/.test(i) &&
            v.bytesInOutput > 0,
        )
        .map(([i]) => i),
    ).toEqual([]);
    const inputs = Object.keys(api.metafile.inputs);
    expect(
      inputs.filter((i) => /functions\/(http\/staff|core\/staff\/(leads|funnel|takeover))/.test(i)),
    ).toEqual([]);
    // Nor the conflict check's matcher (imported for its types, none of its code is output):
    // the staff and delivery functions check leads.
    const output = Object.values(api.metafile.outputs).find((o) => o.entryPoint);
    expect(Object.keys(output?.inputs ?? {}).length).toBeGreaterThan(100);
    const carried = Object.entries(output?.inputs ?? {}).filter(
      ([i, v]) => /functions\/core\/conflicts\/(match|names|tokens)/.test(i) && v.bytesInOutput > 0,
    );
    expect(carried).toEqual([]);
  });

  it('answers 404 in the error shape for an unknown address', async () => {
    const res = await handler(httpEvent('GET', '/no/such/page'));
    expect(res.statusCode).toBe(404);
    expect(json(res).error.code).toBe('not_found');
  });

  it('limits /api per source address as API Gateway saw it, not per forwarded header', async () => {
    const from = (sourceIp: string, forwardedFor: string) => {
      const event = httpEvent('GET', '/api/knowledge/search', { query: 'q=bond&lang=en' });
      event.requestContext.http.sourceIp = sourceIp;
      event.headers['x-forwarded-for'] = forwardedFor;
      return event;
    };
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) {
      // A client changing its X-Forwarded-For on every request is still one address.
      statuses.push((await handler(from('198.51.100.9', `10.0.0.${i}`))).statusCode);
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    const limited = await handler(from('198.51.100.9', '10.1.1.1'));
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers?.['retry-after'])).toBeGreaterThan(0);
    expect((await handler(from('198.51.100.10', '10.1.1.1'))).statusCode).toBe(200);
  });

  it('read each secret from Secrets Manager once for the cold start, not per request', () => {
    // The current values; the forged webhook above also asked for the token's previous value
    // (a rotation's old token is still accepted: functions/lambda/api-handler.ts).
    const current = secrets
      .commandCalls(GetSecretValueCommand)
      .filter((c) => !c.args[0].input.VersionStage)
      .map((c) => c.args[0].input.SecretId);
    expect(current.sort()).toEqual([LINK_ARN, TWILIO_ARN].sort());
  });
});

describe('the delivery bundle', () => {
  const AT = new Date().toISOString();
  const lead = (leadId: string): Lead =>
    aLead({
      leadId,
      createdAt: AT,
      urgencyReasons: ['detained = yes'],
      contact: { name: 'Ana', phone: '+16195550142' },
    });
  let handler: StreamHandler;
  let dataDir: string;
  let delivery: BuiltLambda;

  beforeAll(async () => {
    delivery = await buildLambda('delivery');
    built.push(delivery);
    dataDir = mkdtempSync(join(tmpdir(), 'amparo-delivery-'));
    built.push({ ...delivery, remove: () => rmSync(dataDir, { recursive: true, force: true }) });
    handler = await importBundle<StreamHandler>(delivery, {
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      TABLE_NAME: table.tableName,
      MAIL_TRANSPORT: 'file',
      DATA_DIR: dataDir,
      LINK_SECRET,
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      CONTENT_DIR: delivery.dir,
    });
  });

  it('carries no YAML parser either, and sends mail through the SES client the runtime provides', () => {
    const inputs = Object.keys(delivery.metafile.inputs);
    expect(inputs.filter((i) => /node_modules\/yaml\//.test(i))).toEqual([]);
    // Numbering plans come from content.json, as data.
    expect(inputs.filter((i) => i.includes('metadata.min.json'))).toEqual([]);
    expect(inputs.some((i) => /node_modules\/nodemailer\//.test(i))).toBe(true);
    const imports = Object.values(delivery.metafile.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external).map((i) => i.path),
    );
    expect(imports).toContain('@aws-sdk/client-sesv2');
  });

  /** Stores a lead as the chat does, and returns its item as the stream would carry it. */
  async function storedLead(leadId: string) {
    await table.client.send(
      new TransactWriteItemsCommand({
        TransactItems: leadWrites(table.tableName, lead(leadId), 'America/Los_Angeles'),
      }),
    );
    const out = await table.client.send(
      new GetItemCommand({
        TableName: table.tableName,
        Key: { pk: { S: `LEAD#${leadId}` }, sk: { S: 'LEAD' } },
      }),
    );
    return unmarshall(out.Item ?? {});
  }

  it('emails a new lead from its stream record, and reports a broken record alone', async () => {
    const good = streamRecord(await storedLead('L-stream-1'));
    const broken = streamRecord({ ...leadKey('L-broken'), type: 'lead' });
    const other = streamRecord({ pk: 'CONV#x', sk: 'CONV', type: 'conversation' });
    const result = await handler(streamEvent(other, broken, good));

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: broken.dynamodb?.SequenceNumber }]);
    const emails = readdirSync(join(dataDir, 'outbox'));
    expect(emails).toHaveLength(1);
    const eml = readFileSync(join(dataDir, 'outbox', emails[0] ?? ''), 'utf8');
    // Header names are case-insensitive (nodemailer writes "Lead-ID").
    expect(eml).toMatch(/^X-Amparo-Lead-Id: L-stream-1\r$/im);
    const after = await table.client.send(
      new GetItemCommand({
        TableName: table.tableName,
        Key: { pk: { S: 'LEAD#L-stream-1' }, sk: { S: 'LEAD' } },
      }),
    );
    expect(unmarshall(after.Item ?? {}).delivery.status).toBe('sent');
  });

  it('sends what is due from the escalation timer, as the local worker does', async () => {
    const escalation = await buildLambda('escalation');
    built.push(escalation);
    const timer = await importBundle<(event: ScheduledEvent) => Promise<{ sent: number }>>(
      escalation,
      { CONTENT_DIR: escalation.dir },
    );
    // Stored, but its stream record never arrived (or failed every retry).
    await storedLead('L-timer-1');
    const result = await timer({
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '123456789012',
      time: new Date().toISOString(),
      region: 'us-east-1',
      resources: ['arn:aws:events:us-east-1:123456789012:rule/Amparo-EscalationTimer'],
      detail: {},
    });
    expect(result.sent).toBe(1);
    const files = readdirSync(join(dataDir, 'outbox')).filter((f) => f.includes('L-timer-1'));
    expect(files).toHaveLength(1);
  });

  it('does not email a lead twice when its record is delivered again', async () => {
    const again = streamRecord(await storedLead('L-stream-2'));
    expect((await handler(streamEvent(again))).batchItemFailures).toEqual([]);
    expect((await handler(streamEvent(again))).batchItemFailures).toEqual([]);
    const files = readdirSync(join(dataDir, 'outbox')).filter((f) => f.includes('L-stream-2'));
    expect(files).toHaveLength(1);
  });
});

describe('the staff console bundle', () => {
  let handler: ApiHandler;
  beforeAll(async () => {
    const staff = await buildLambda('staff');
    built.push(staff);
    handler = await importBundle<ApiHandler>(staff, httpEnv(staff));
  });

  it('serves the console page under its policy, and its API behind a session', async () => {
    const page = await handler(httpEvent('GET', '/console'));
    expect(page.statusCode).toBe(200);
    expect(String(page.headers?.['content-security-policy'])).toContain("script-src 'self'");
    expect((await handler(httpEvent('GET', '/console.js'))).statusCode).toBe(200);
    const me = await handler(httpEvent('GET', '/api/staff/me'));
    expect(me.statusCode).toBe(401);
    const signIn = await handler(
      httpEvent('POST', '/api/staff/sign-in', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@firm.example' }),
      }),
    );
    expect(signIn.statusCode).toBe(202);
  });

  it('serves the lead email’s signed links, refusing a forged one with 403', async () => {
    const forged = await handler(httpEvent('GET', '/leads/L-1', { query: 'sig=forged' }));
    expect(forged.statusCode).toBe(403);
  });

  it('serves the conflict list behind a session, with the names written beside the bundle', async () => {
    // 401, not 404: the route is there (it is only mounted with a conflict check).
    expect((await handler(httpEvent('GET', '/api/staff/conflicts'))).statusCode).toBe(401);
  });
});
