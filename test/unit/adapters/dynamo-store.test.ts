/**
 * Faults the real DynamoDB Local will not produce on demand, injected with aws-sdk-client-mock:
 * throttling and a conflicting version.
 */
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  ProvisionedThroughputExceededException,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDynamoLimitStore } from '../../../functions/adapters/dynamo-limits';
import { createDynamoSmsStore } from '../../../functions/adapters/dynamo-sms-store';
import { createDynamoStore } from '../../../functions/adapters/dynamo-store';
import { conversationKey } from '../../../functions/adapters/keys';
import { silentLogger } from '../../../functions/adapters/log';
import { applyMessage, startConversation } from '../../../functions/core/channels/channels';
import type { Conversation } from '../../../functions/core/conversation';
import { StoreUnavailableError, VersionConflictError } from '../../../functions/core/errors';
import { hashSecret } from '../../../functions/core/secrets';
import { createApp } from '../../../functions/http/app';
import { content } from '../../helpers/content';
import { NOW } from '../../helpers/intake';

const dynamo = mockClient(DynamoDBClient);
const client = new DynamoDBClient({ region: 'us-east-1' });
const store = createDynamoStore({ client, tableName: 't', now: () => NOW });
const ID = '7b0e5a52-8b1f-4f7e-9a51-7f1f0c7b2d11';
const TOKEN = 'a'.repeat(43);

async function conversation(): Promise<Conversation> {
  const memory = {
    create: async () => {},
    get: async () => undefined,
    save: async () => {},
    delete: async () => {},
  };
  const started = await startConversation(
    { store: memory, content: content(), now: () => NOW, newId: () => ID },
    { language: 'en', channel: 'web', tokenHash: hashSecret(TOKEN) },
  );
  return started.conversation;
}

const item = (c: Conversation) =>
  marshall(
    { ...conversationKey(c.id), type: 'conversation', ...c },
    { removeUndefinedValues: true },
  );

beforeEach(() => dynamo.reset());

describe('the DynamoDB store under faults', () => {
  it('saves a turn with a condition on the version it read', async () => {
    const c = await conversation();
    const next = applyMessage(content(), c, 'yes', NOW).conversation;
    dynamo.on(PutItemCommand).resolves({});
    await store.save(next);
    const sent = dynamo.commandCalls(PutItemCommand)[0]?.args[0].input;
    expect(sent?.ConditionExpression).toBe('attribute_exists(pk) AND version = :expected');
    expect(sent?.ExpressionAttributeValues).toEqual({ ':expected': { N: '1' } });
    expect(sent?.Item?.version).toEqual({ N: '2' });
  });

  it('turns a failed version condition into VersionConflictError', async () => {
    const c = await conversation();
    dynamo
      .on(PutItemCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'failed', $metadata: {} }));
    const next = applyMessage(content(), c, 'yes', NOW).conversation;
    await expect(store.save(next)).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('turns throttling into StoreUnavailableError', async () => {
    dynamo
      .on(GetItemCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    await expect(store.get(ID)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('treats an item whose TTL has passed as absent', async () => {
    const c = await conversation();
    dynamo
      .on(GetItemCommand)
      .resolves({ Item: item({ ...c, expiresAt: Math.floor(NOW.getTime() / 1000) - 1 }) });
    expect(await store.get(ID)).toBeUndefined();
  });
});

describe('the API under faults', () => {
  const app = createApp({
    store,
    content: content(),
    now: () => NOW,
    newId: () => ID,
    assets: {
      demoHtml: '',
      widgetJs: '',
      chatJs: '',
      consoleHtml: '',
      consoleJs: '',
      consoleCss: '',
    },
    allowedOrigins: ['*'],
    log: silentLogger,
    sms: createDynamoSmsStore({ client, tableName: 't' }),
    limits: createDynamoLimitStore({ client, tableName: 't', secret: 'k'.repeat(32) }),
    newTokenHash: () => hashSecret(TOKEN),
    twilio: { authToken: 'x'.repeat(32), publicBaseUrl: 'http://localhost:3000' },
    sender: { send: async () => ({ id: 'none' }) },
    newCode: () => '123456',
    webLinkSecret: () => 's'.repeat(32),
    publicBaseUrl: 'http://localhost:3000',
  });
  const post = (text: string) =>
    app.request(`/api/conversations/${ID}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ text }),
    });

  it('answers a throttled write with 503 and Retry-After, and writes nothing else', async () => {
    const c = await conversation();
    dynamo.on(GetItemCommand).resolves({ Item: item(c) });
    dynamo
      .on(PutItemCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const res = await post('yes');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.json()).toEqual({
      error: { code: 'unavailable', message: expect.any(String) },
    });
    expect(dynamo.commandCalls(PutItemCommand)).toHaveLength(1);
  });

  it('re-reads and re-applies a message that lost a race to another', async () => {
    const c = await conversation();
    const theirs = applyMessage(content(), c, 'yes', NOW).conversation;
    dynamo
      .on(GetItemCommand)
      .resolvesOnce({ Item: item(c) })
      .resolves({ Item: item(theirs) });
    dynamo
      .on(PutItemCommand)
      .rejectsOnce(new ConditionalCheckFailedException({ message: 'failed', $metadata: {} }))
      .resolves({});
    const res = await post('2');
    expect(res.status).toBe(200);
    const puts = dynamo.commandCalls(PutItemCommand).map((call) => call.args[0].input);
    expect(puts.map((p) => p.ExpressionAttributeValues?.[':expected'])).toEqual([
      { N: '1' },
      { N: '2' },
    ]);
    const final = (await res.json()).state;
    // Applied after theirs: consent was given by them, so "2" answered the first question.
    expect(final.step).toBe('aboutSelf');
  });

  it('hides an unexpected error behind a 500 without internals', async () => {
    dynamo.on(GetItemCommand).rejects(new Error('secret internal detail'));
    const res = await post('yes');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/secret|stack|at /);
  });
});
