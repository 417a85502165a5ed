/**
 * The SMS store remembers each texter's line between messages, and an ordinary text writes only
 * its conversation, so it costs two DynamoDB requests, like a web turn. These tests run two app
 * instances (two Lambda containers, in effect) on one table, so each one's memory goes stale,
 * and check that nothing is lost, doubled, sent to an opted-out number or applied to a
 * conversation the phone has left.
 */
import type { AddressInfo } from 'node:net';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINE_KEPT_SECONDS } from '../../functions/core/channels/sms/line';
import { createApp } from '../../functions/http/app';
import { localDeps } from '../../functions/local/deps';
import { say, start } from '../helpers/http';
import { memoryLogger } from '../helpers/log';
import {
  startTestServer,
  TEST_LINK_SECRET,
  TEST_PUBLIC_BASE_URL,
  type TestServer,
  TWILIO_TEST_TOKEN,
} from '../helpers/server';
import { newSid, sendSms } from '../helpers/sms';

let a: TestServer;
let b: { url: string; outbox: { to: string; body: string }[]; close(): Promise<void> };
const commands: string[] = [];

beforeAll(async () => {
  a = await startTestServer();
  a.client.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName ?? '?');
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  // A second instance on the same table with its own store (its own memory of lines).
  const outbox: { to: string; body: string }[] = [];
  const deps = localDeps({
    client: a.client,
    tableName: a.tableName,
    root: process.cwd(),
    log: memoryLogger([]),
    twilio: { authToken: TWILIO_TEST_TOKEN, publicBaseUrl: TEST_PUBLIC_BASE_URL },
    sender: { send: async (message) => ({ id: String(outbox.push(message)) }) },
    mailer: { send: async () => ({ messageId: 'unused' }) },
    linkSecret: TEST_LINK_SECRET,
  });
  const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((done) => server.once('listening', () => done()));
  b = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    outbox,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
});

afterAll(async () => {
  await b.close();
  await a.close();
});

async function transcriptOf(phone: string) {
  const line = await a.deps.sms.getLine(phone);
  const conversation = await a.deps.store.get(line?.conversationId ?? '');
  return conversation?.transcript.filter((m) => m.role === 'user').map((m) => m.text) ?? [];
}

describe('an SMS turn on a remembered line', () => {
  it('costs one read and one write, like a web turn', async () => {
    const phone = '+12135550301';
    await sendSms(a, { from: phone, body: 'hola' });
    await sendSms(a, { from: phone, body: '1' });
    commands.length = 0;
    const reply = await sendSms(a, { from: phone, body: 'purple' });
    expect(reply.status).toBe(200);
    expect(commands).toEqual(['GetItemCommand', 'PutItemCommand']);
  });

  it('reads the line again when another instance changed it, and loses no message', async () => {
    const phone = '+12135550302';
    const texts = ['hello', 'purple', 'orange', 'green', 'blue', 'red'];
    for (const [i, body] of texts.entries()) {
      const reply = await sendSms(i % 2 ? b : a, { from: phone, body });
      expect(reply.status).toBe(200);
      expect(reply.bodies.length).toBeGreaterThan(0);
    }
    expect(await transcriptOf(phone)).toEqual(texts);
  });

  it('answers a retried MessageSid once, whichever instance gets the retry', async () => {
    const phone = '+12135550303';
    await sendSms(a, { from: phone, body: 'hello' });
    await sendSms(b, { from: phone, body: 'purple' });
    const sid = newSid();
    const first = await sendSms(a, { from: phone, body: 'orange', sid });
    const again = await sendSms(b, { from: phone, body: 'orange', sid });
    expect(again.bodies).toEqual(first.bodies);
    expect(await transcriptOf(phone)).toEqual(['hello', 'purple', 'orange']);
  });

  it('sends nothing to a number that opted out through the other instance', async () => {
    const phone = '+12135550304';
    await sendSms(a, { from: phone, body: 'hello' });
    await sendSms(a, { from: phone, body: 'purple' });
    expect((await sendSms(b, { from: phone, body: 'STOP' })).bodies.length).toBe(1);
    // Instance a still remembers the line as opted in; its commit must find out and stay silent.
    const after = await sendSms(a, { from: phone, body: 'orange' });
    expect(after.status).toBe(200);
    expect(after.bodies).toEqual([]);
    expect(await transcriptOf(phone)).toEqual(['hello', 'purple']);
  });

  it('sends texts to the web conversation the phone switched to, not the one it left', async () => {
    const phone = '+12133734288';
    await sendSms(a, { from: phone, body: 'hello' });
    await sendSms(a, { from: phone, body: 'purple' });
    const left = (await a.deps.sms.getLine(phone))?.conversationId ?? '';
    // On instance b, a web chat switches to texting from the same phone.
    const { conversationId: id, token } = await start(b.url);
    await say(b.url, id, token, 'yes');
    await say(b.url, id, token, '2');
    await say(b.url, id, token, 'continue by text');
    await say(b.url, id, token, '(213) 373-4288');
    const code = /\b(\d{6})\b/.exec(b.outbox.at(-1)?.body ?? '')?.[1] ?? '';
    expect((await say(b.url, id, token, code)).state.step).toBe('aboutSelf');
    // Instance a still remembers the line pointing at the conversation the phone left.
    expect((await sendSms(a, { from: phone, body: '1' })).status).toBe(200);
    expect((await a.deps.store.get(id))?.intake.answers.aboutSelf).toBe('yes');
    expect(await transcriptOf(phone)).toContain('1');
    const old = await a.deps.store.get(left);
    expect(old?.transcript.filter((m) => m.role === 'user').map((m) => m.text)).toEqual([
      'hello',
      'purple',
    ]);
    // The next text is an ordinary one again: one read, one write.
    commands.length = 0;
    await sendSms(a, { from: phone, body: 'purple' });
    expect(commands).toEqual(['GetItemCommand', 'PutItemCommand']);
  });

  it('answers a late retry of the last text of an ended conversation without starting over', async () => {
    const phone = '+12135550305';
    await sendSms(a, { from: phone, body: 'hello' });
    const sid = newSid();
    const last = await sendSms(a, { from: phone, body: 'purple', sid });
    // The intake ends (as a referral would), and the texter writes again: a new conversation.
    const first = (await a.deps.sms.getLine(phone))?.conversationId ?? '';
    const ended = await a.deps.store.get(first);
    if (!ended) throw new Error('no conversation');
    await a.deps.store.save({
      ...ended,
      version: ended.version + 1,
      intake: { ...ended.intake, status: 'referred' },
    });
    await sendSms(b, { from: phone, body: 'hello again' });
    const second = (await a.deps.sms.getLine(phone))?.conversationId ?? '';
    expect(second).not.toBe(first);
    // Twilio's retry of the ended conversation's last text, to either instance.
    expect((await sendSms(a, { from: phone, body: 'purple', sid })).bodies).toEqual(last.bodies);
    expect((await sendSms(b, { from: phone, body: 'purple', sid })).bodies).toEqual(last.bodies);
    expect(await transcriptOf(phone)).toEqual(['hello again']);
  });
});

describe('how long a line is kept', () => {
  const stored = async (phone: string) => {
    const out = await a.client.send(
      new GetItemCommand({
        TableName: a.tableName,
        Key: marshall({ pk: `PHONE#${phone}`, sk: 'LINE' }),
        ConsistentRead: true,
      }),
    );
    return out.Item ? unmarshall(out.Item) : undefined;
  };

  it('expires 90 days after it last changed, and never once the number opted out', async () => {
    const phone = '+12135550306';
    await sendSms(a, { from: phone, body: 'hello' });
    const line = await stored(phone);
    expect(line?.expiresAt).toBe(
      Math.floor(Date.parse(String(line?.updatedAt)) / 1000) + LINE_KEPT_SECONDS,
    );
    await sendSms(a, { from: phone, body: 'STOP' });
    const optedOut = await stored(phone);
    expect(optedOut?.optedOut).toBe(true);
    expect(optedOut?.expiresAt).toBeUndefined();
  });
});
