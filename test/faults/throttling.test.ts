/**
 * DynamoDB throttling and timeouts, injected below the SDK's retry step against the real
 * DynamoDB Local (test/faults/inject.ts), and with aws-sdk-client-mock where DynamoDB Local cannot
 * produce the fault (a transaction cancelled for throttling). Each fault is retried by the SDK;
 * when it persists the client gets API.md's 503 with Retry-After and the table is exactly as it
 * was; once it clears, the same message goes through exactly once.
 */
import {
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DYNAMO_MAX_ATTEMPTS } from '../../functions/adapters/dynamo-client';
import { UNLIMITED } from '../../functions/core/rate-limit';
import { type ApiState, say, send, start } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, type TestServer } from '../helpers/server';
import { newSid, sendSms } from '../helpers/sms';
import { dangling, type Injector, type Item, injectFaults, scanTable } from './inject';

let server: TestServer;
let faults: Injector;
beforeAll(async () => {
  server = await startTestServer();
  // Whole intakes in a second are past the abuse limits, which are not what this suite tests.
  server.deps.messageRule = UNLIMITED;
  faults = injectFaults(server.client);
});
afterAll(async () => {
  // Whatever the faults did, nothing is left half-written.
  expect(dangling(await table())).toEqual([]);
  await server.close();
});
beforeEach(() => faults.reset());

const table = () => scanTable(server.client, server.tableName);
const userTexts = async (id: string) =>
  (await server.deps.store.get(id))?.transcript.filter((m) => m.role === 'user').map((m) => m.text);
let phones = 0;
const newPhone = () => `+1213373${String(4100 + phones++).padStart(4, '0')}`;

async function expectUnavailable(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('2');
  expect(await res.json()).toEqual({
    error: { code: 'unavailable', message: expect.stringMatching(/try again/) },
  });
}

/** A web conversation answered up to `until`, with its own phone number. */
async function webIntakeUntil(until: string, phone = newPhone()) {
  const { conversationId: id, token } = await start(server.url);
  const answers: Record<string, string> = { ...RESIDENT, phone };
  let state: ApiState = { step: 'consent', done: false, language: 'en' };
  while (state.step !== until) {
    const answer = answers[state.step];
    if (answer === undefined) throw new Error(`no answer for ${state.step}`);
    state = (await say(server.url, id, token, answer)).state;
  }
  return { id, token, phone };
}

const leadsIn = (items: Item[]) => items.filter((i) => String(i.pk).startsWith('LEAD#'));

describe('a web turn', () => {
  it('retries a throttled read and applies the message once', async () => {
    const { conversationId: id, token } = await start(server.url);
    faults.fail('GetItemCommand', { kind: 'throttle', when: 'before' }, 1);
    const res = await send(server.url, id, token, 'yes');
    expect(res.status).toBe(200);
    expect(faults.count('GetItemCommand')).toBeGreaterThanOrEqual(2);
    expect(faults.attempts[0]).toEqual({ command: 'GetItemCommand', fault: 'throttle' });
    expect(await userTexts(id)).toEqual(['yes']);
  });

  it.each([
    ['throttled', 'throttle', 'PutItemCommand'],
    ['timing out', 'timeout', 'PutItemCommand'],
    ['throttled (ThrottlingException)', 'throttling-exception', 'GetItemCommand'],
  ] as const)(
    'answers 503 with Retry-After while writes keep %s, changes nothing, and takes the same message once it clears',
    async (_, kind, command) => {
      const { conversationId: id, token } = await start(server.url);
      await say(server.url, id, token, 'yes');
      const before = await table();
      faults.fail(command, { kind, when: 'before' });
      await expectUnavailable(await send(server.url, id, token, '2'));
      // The SDK tried every attempt it is allowed, then gave up.
      expect(faults.count(command)).toBe(DYNAMO_MAX_ATTEMPTS);
      expect(await table()).toEqual(before);
      faults.clear();
      const again = await say(server.url, id, token, '2');
      expect(again.state.step).toBe('aboutSelf');
      expect(await userTexts(id)).toEqual(['yes', '2']);
    },
  );
});

describe('starting a conversation', () => {
  it('answers 503 while its write times out, stores nothing, and starts once it clears', async () => {
    const before = await table();
    faults.fail('PutItemCommand', { kind: 'timeout', when: 'before' });
    const res = await fetch(`${server.url}/api/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await expectUnavailable(res);
    expect(faults.count('PutItemCommand')).toBe(DYNAMO_MAX_ATTEMPTS);
    expect(await table()).toEqual(before);
    faults.clear();
    const started = await start(server.url);
    expect(started.state.step).toBe('consent');
    expect((await table()).length).toBe(before.length + 1);
  });
});

/** An SMS turn writes its conversation alone, or with the texter's line in a transaction. */
const SMS_WRITES = ['PutItemCommand', 'TransactWriteItemsCommand'];
const smsWrites = () => SMS_WRITES.reduce((n, c) => n + faults.count(c), 0);

describe('an SMS turn', () => {
  it('answers 503 while its write is throttled, writes nothing, and a redelivery applies it once', async () => {
    const phone = newPhone();
    await sendSms(server, { from: phone, body: 'hello' });
    const before = await table();
    const sid = newSid();
    for (const command of SMS_WRITES) faults.fail(command, { kind: 'throttle', when: 'before' });
    const failed = await sendSms(server, { from: phone, body: 'yes', sid });
    expect(failed.status).toBe(503);
    expect(JSON.parse(failed.xml)).toEqual({
      error: { code: 'unavailable', message: expect.any(String) },
    });
    expect(smsWrites()).toBe(DYNAMO_MAX_ATTEMPTS);
    expect(await table()).toEqual(before);
    faults.clear();
    // Twilio redelivers the same MessageSid, twice: the second gets the same reply, no new turn.
    const ok = await sendSms(server, { from: phone, body: 'yes', sid });
    expect(ok.status).toBe(200);
    const again = await sendSms(server, { from: phone, body: 'yes', sid });
    expect(again.xml).toBe(ok.xml);
    const line = await server.deps.sms.getLine(phone);
    expect(await userTexts(line?.conversationId ?? '')).toEqual(['hello', 'yes']);
  });

  it('does not start a conversation while the first text cannot be written', async () => {
    const phone = newPhone();
    const before = await table();
    for (const command of SMS_WRITES) faults.fail(command, { kind: 'timeout', when: 'before' });
    expect((await sendSms(server, { from: phone, body: 'hola' })).status).toBe(503);
    expect(await table()).toEqual(before);
    expect(await server.deps.sms.getLine(phone)).toBeUndefined();
  });
});

describe('a lead write', () => {
  it('answers 503 while the lead transaction is throttled: no lead without its conversation, then one lead', async () => {
    const { id, token, phone } = await webIntakeUntil('confirm');
    const before = await table();
    const yeses = (await userTexts(id))?.filter((t) => t === 'yes').length ?? 0;
    faults.fail('TransactWriteItemsCommand', { kind: 'throttle', when: 'before' });
    await expectUnavailable(await send(server.url, id, token, 'yes'));
    expect(faults.count('TransactWriteItemsCommand')).toBe(DYNAMO_MAX_ATTEMPTS);
    const during = await table();
    expect(during).toEqual(before);
    expect(dangling(during)).toEqual([]);
    expect(leadsIn(during).filter((l) => l.conversationId === id)).toEqual([]);
    expect((await server.deps.store.get(id))?.intake.step).toBe('confirm');
    faults.clear();
    const done = await say(server.url, id, token, 'yes');
    expect(done.state.done).toBe(true);
    const after = await table();
    const leads = leadsIn(after).filter((l) => l.conversationId === id);
    expect(leads).toHaveLength(1);
    // A phone typed on the web is not proven, so no phone pointer is written for it
    // (test/hostile/lead-takeover.test.ts); the lead and its conversation went in together.
    expect(leads[0]?.phoneProven).toBe(false);
    expect(after.find((i) => i.pk === `PHONE#${phone}` && i.sk === 'LEAD')).toBeUndefined();
    expect((await userTexts(id))?.filter((t) => t === 'yes')).toHaveLength(yeses + 1);
  });

  it('answers 503 when DynamoDB cancels the transaction for throttling (aws-sdk-client-mock), writing nothing', async () => {
    const { id, token } = await webIntakeUntil('confirm');
    const before = await table();
    const realSend = server.client.send.bind(server.client) as (c: unknown) => Promise<never>;
    const mock = mockClient(server.client);
    try {
      mock.on(GetItemCommand).callsFake((input) => realSend(new GetItemCommand(input)));
      mock.on(QueryCommand).callsFake((input) => realSend(new QueryCommand(input)));
      mock.on(PutItemCommand).callsFake((input) => realSend(new PutItemCommand(input)));
      mock.on(TransactWriteItemsCommand).rejects(
        new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: { httpStatusCode: 400 },
          CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }, { Code: 'None' }],
        }),
      );
      await expectUnavailable(await send(server.url, id, token, 'yes'));
      const [call] = mock.commandCalls(TransactWriteItemsCommand);
      const items = call?.args[0].input.TransactItems ?? [];
      // The conversation under its version condition, and its lead that must not exist yet.
      expect(items[0]?.Put?.ConditionExpression).toBe(
        'attribute_exists(pk) AND version = :expected',
      );
      expect(items[1]?.Put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    } finally {
      mock.restore();
    }
    expect(await table()).toEqual(before);
  });
});

describe('a write that lands but whose answer is lost', () => {
  it('applies a web message once when the SDK retries a save that had committed', async () => {
    const { conversationId: id, token } = await start(server.url);
    await say(server.url, id, token, 'yes');
    faults.fail('PutItemCommand', { kind: 'timeout', when: 'after' }, 1);
    const res = await send(server.url, id, token, '2');
    expect(res.status).toBe(200);
    expect(faults.count('PutItemCommand')).toBe(2);
    expect(await userTexts(id)).toEqual(['yes', '2']);
    expect((await server.deps.store.get(id))?.version).toBe(3);
  });

  it('starts one conversation when the SDK retries a create that had committed', async () => {
    const before = await table();
    faults.fail('PutItemCommand', { kind: 'timeout', when: 'after' }, 1);
    const started = await start(server.url);
    expect(faults.count('PutItemCommand')).toBe(2);
    const after = await table();
    expect(after.length).toBe(before.length + 1);
    expect(after.some((i) => i.pk === `CONV#${started.conversationId}`)).toBe(true);
  });

  it('stores one lead and one confirmation when the lead transaction is retried after it committed', async () => {
    const { id, token } = await webIntakeUntil('confirm');
    faults.fail('TransactWriteItemsCommand', { kind: 'timeout', when: 'after' }, 1);
    const done = await say(server.url, id, token, 'yes');
    expect(done.state.done).toBe(true);
    expect(faults.count('TransactWriteItemsCommand')).toBe(2);
    const texts = (await userTexts(id)) ?? [];
    expect(texts.at(-1)).toBe('yes');
    expect(texts.at(-2)).not.toBe('yes');
    expect(leadsIn(await table()).filter((l) => l.conversationId === id)).toHaveLength(1);
  });

  it('applies a text once when the SMS transaction is retried after it committed', async () => {
    const phone = newPhone();
    await sendSms(server, { from: phone, body: 'hello' });
    for (const command of SMS_WRITES) faults.fail(command, { kind: 'timeout', when: 'after' }, 1);
    const reply = await sendSms(server, { from: phone, body: 'yes' });
    expect(smsWrites()).toBe(2);
    expect(reply.status).toBe(200);
    expect(reply.bodies.join(' ')).toMatch(/\?/);
    const line = await server.deps.sms.getLine(phone);
    expect(await userTexts(line?.conversationId ?? '')).toEqual(['hello', 'yes']);
  });
});
