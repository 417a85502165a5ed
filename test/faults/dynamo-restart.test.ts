/**
 * DynamoDB Local killed (SIGKILL) and restarted on the same port and data directory while web
 * and SMS conversations are running message by message. The clients do what the widget and
 * Twilio do: after a 503 or a dropped connection the widget reads the transcript and sends the
 * message again only if it is not there (functions/web/widget/send.js `resync`); Twilio redelivers
 * the same MessageSid. Once the database is back, every conversation holds every message
 * exactly once, in order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '../../functions/adapters/dynamo-client';
import { ensureTable } from '../../functions/adapters/dynamo-store';
import { silentLogger } from '../../functions/adapters/log';
import { UNLIMITED } from '../../functions/core/rate-limit';
import { createApp } from '../../functions/http/app';
import { localDeps } from '../../functions/local/deps';
import {
  freePort,
  type RunningDynamo,
  startDynamoLocal,
} from '../../functions/local/dynamodb-local';
import type { ApiState, Started } from '../helpers/http';
import { intake, RESIDENT } from '../helpers/intake';
import { TEST_PUBLIC_BASE_URL, TWILIO_TEST_TOKEN } from '../helpers/server';
import { newSid, sendSms } from '../helpers/sms';
import { dangling, scanTable } from './inject';
import { alive, until } from './process';

const dataDir = mkdtempSync(join(tmpdir(), 'amparo-ddb-'));
let port = 0;
let dynamo: RunningDynamo;
let client: DynamoDBClient;
let url = '';
let close = async () => {};
const deps = { current: undefined as ReturnType<typeof localDeps> | undefined };

beforeAll(async () => {
  port = await freePort();
  dynamo = await startDynamoLocal({ dataDir, port });
  client = dynamoClient(dynamo.endpoint, 'us-east-1');
  await ensureTable(client, 'amparo');
  const built = localDeps({
    client,
    tableName: 'amparo',
    root: process.cwd(),
    log: silentLogger,
    twilio: { authToken: TWILIO_TEST_TOKEN, publicBaseUrl: TEST_PUBLIC_BASE_URL },
    sender: { send: async () => ({ id: '1' }) },
    mailer: { send: async () => ({ messageId: '1' }) },
    linkSecret: 'fault-suite-link-secret-0123456789abcdef',
  });
  // Scripted clients answer faster than any person; the abuse limits are not under test here.
  built.messageRule = UNLIMITED;
  deps.current = built;
  const server = serve({ fetch: createApp(built).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((done) => server.once('listening', () => done()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((done) => server.close(() => done()));
}, 60_000);
afterAll(async () => {
  await close();
  client?.destroy();
  await dynamo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
let unavailable = 0;

/** A fetch that keeps trying while the server cannot answer (503) or cannot be reached. */
async function persist(request: () => Promise<Response>): Promise<Response> {
  for (let i = 0; i < 200; i++) {
    const res = await request().catch(() => undefined);
    if (res && res.status !== 503) return res;
    unavailable++;
    await pause(res ? Number(res.headers.get('retry-after') ?? 1) * 250 : 250);
  }
  throw new Error('the server never came back');
}

const json = { 'content-type': 'application/json' };

/**
 * One web chat client answering a whole intake by RESIDENT's answer set with its own phone
 * number; after a failure it resyncs as the widget does.
 */
async function webClient(phone: string) {
  const answers: Record<string, string> = { ...RESIDENT, phone };
  const res = await persist(() =>
    fetch(`${url}/api/conversations`, { method: 'POST', headers: json, body: '{}' }),
  );
  expect(res.status).toBe(201);
  const { conversationId: id, token } = (await res.json()) as Started;
  const auth = { ...json, authorization: `Bearer ${token}` };
  const read = async () => {
    const got = await persist(() => fetch(`${url}/api/conversations/${id}`, { headers: auth }));
    return (await got.json()) as { messages: { role: string; text: string }[]; state: ApiState };
  };
  const sent: string[] = [];
  let step = 'consent';
  let done = false;
  while (!done) {
    const text = answers[step];
    if (text === undefined) throw new Error(`no answer for ${step}`);
    for (;;) {
      const res = await fetch(`${url}/api/conversations/${id}/messages`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ text }),
      }).catch(() => undefined);
      if (res?.status === 200) {
        ({ step, done } = ((await res.json()) as { state: ApiState }).state);
        break;
      }
      expect(res === undefined || res.status === 503).toBe(true);
      unavailable++;
      await pause(500);
      // The widget's resync: the message may have landed before the answer was lost.
      const now = await read();
      if (now.messages.filter((m) => m.role === 'user').length > sent.length) {
        ({ step, done } = now.state);
        break;
      }
    }
    sent.push(text);
    await pause(20);
  }
  return { id, sent, transcript: await read() };
}

/** One texter: Twilio redelivers the same MessageSid until it gets a 200. */
async function smsClient(phone: string, bodies: string[]) {
  for (const body of bodies) {
    const sid = newSid();
    for (;;) {
      const reply = await sendSms({ url }, { from: phone, body, sid }).catch(() => undefined);
      if (reply?.status === 200) break;
      expect(reply === undefined || reply.status === 503).toBe(true);
      unavailable++;
      await pause(250);
    }
    await pause(20);
  }
}

/** The user messages of a whole RESIDENT intake, by the engine alone: what each client sends. */
function residentMessages(): string[] {
  const engine = intake();
  const said: string[] = [];
  for (let i = 0; i < 60 && engine.state.status === 'active'; i++) {
    const answer = RESIDENT[engine.state.step] ?? '';
    said.push(answer);
    engine.say(answer);
  }
  return said;
}
const SMS_BODIES = ['hola', 'si', '2', '1', 'no', 'no se', 'si', 'en marzo', 'Fresno'];

describe('DynamoDB Local killed and restarted during a run', () => {
  it('loses and doubles no turn of any conversation', async () => {
    const phones = ['+12133734601', '+12133734602', '+12133734603'];
    const web = Array.from({ length: 5 }, (_, i) => webClient(`(213) 373-46${10 + i}`));
    const sms = phones.map((p) => smsClient(p, SMS_BODIES));

    // Kill the database mid-run, leave it down for a moment, start it again on the same files.
    await pause(1_500);
    const killed = dynamo.pid ?? 0;
    process.kill(killed, 'SIGKILL');
    await until(() => !alive(killed), 10_000, 'DynamoDB Local to die');
    await pause(1_000);
    dynamo = await startDynamoLocal({ dataDir, port });

    const results = await Promise.all(web);
    await Promise.all(sms);
    // The outage was seen by the clients, or this test proved nothing.
    expect(unavailable).toBeGreaterThan(0);
    const items = await scanTable(client, 'amparo');
    const expected = residentMessages();
    for (const { id, sent, transcript } of results) {
      // As stored: the browser reads a finished intake back as its closing message alone.
      const conversation = await deps.current?.store.get(id);
      expect(conversation?.transcript.filter((m) => m.role === 'user').map((m) => m.text)).toEqual(
        sent,
      );
      // Each answer moved the intake on once: no answer was applied twice to a later question.
      expect(sent.map((s) => (s.startsWith('(213)') ? RESIDENT.phone : s))).toEqual(expected);
      expect(transcript.state.done).toBe(true);
      expect(
        items.filter((i) => String(i.pk).startsWith('LEAD#') && i.conversationId === id),
      ).toHaveLength(1);
    }
    for (const phone of phones) {
      const line = await deps.current?.sms.getLine(phone);
      const conversation = await deps.current?.store.get(line?.conversationId ?? '');
      expect(conversation?.transcript.filter((m) => m.role === 'user').map((m) => m.text)).toEqual(
        SMS_BODIES,
      );
    }
    expect(dangling(items)).toEqual([]);
  }, 120_000);
});
