/**
 * The process restarted mid-intake: the real `npm start` entry is stopped (SIGTERM) and killed
 * (SIGKILL) in the middle of a web intake and an SMS intake, started again on the same DATA_DIR,
 * and both conversations resume at the step they were on, every message once. No DynamoDB Local
 * Java process may outlive the server that started it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '../../functions/adapters/dynamo-client';
import { createDynamoSmsStore } from '../../functions/adapters/dynamo-sms-store';
import { createDynamoStore } from '../../functions/adapters/dynamo-store';
import { freePort } from '../../functions/local/dynamodb-local';
import { type ApiState, say, start } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { sendSms } from '../helpers/sms';
import { type Amparo, alive, killAll, startAmparo, until } from './process';

const dataDir = mkdtempSync(join(tmpdir(), 'amparo-restart-'));
afterAll(async () => {
  await killAll();
  rmSync(dataDir, { recursive: true, force: true });
});

const launch = (port: number) => startAmparo({ port, dataDir });

/** Stops the server with `signal` and checks that its DynamoDB Local went with it. */
async function stop(amparo: Amparo, signal: NodeJS.Signals) {
  amparo.kill(signal);
  const exit = await amparo.exited;
  if (signal === 'SIGTERM') expect(exit.code).toBe(0);
  else expect(exit.signal).toBe('SIGKILL');
  await until(() => !alive(amparo.javaPid), 10_000, 'DynamoDB Local to stop with its server');
}

/** A conversation as stored, read from the database the server left behind in DATA_DIR. */
async function stored(which: { phone: string } | { id: string }) {
  const endpoint = readFileSync(join(dataDir, 'dynamodb-endpoint'), 'utf8').trim();
  const client = dynamoClient(endpoint, 'us-east-1');
  try {
    const store = createDynamoStore({ client, tableName: 'amparo', now: () => new Date() });
    if ('id' in which) return await store.get(which.id);
    const line = await createDynamoSmsStore({ client, tableName: 'amparo' }).getLine(which.phone);
    return line?.conversationId ? await store.get(line.conversationId) : undefined;
  } finally {
    client.destroy();
  }
}

async function transcript(url: string, id: string, token: string) {
  const res = await fetch(`${url}/api/conversations/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { messages: { role: string; text: string }[]; state: ApiState };
}

describe('a restart in the middle of an intake', () => {
  it('resumes the web and SMS conversations where they were after SIGTERM and after SIGKILL', async () => {
    const port = await freePort();
    const phone = '+12133734501';
    let server = await launch(port);

    // Half a web intake, and the first steps of an SMS one.
    const { conversationId: id, token } = await start(server.url);
    const sent: string[] = [];
    let state: ApiState = { step: 'consent', done: false, language: 'en' };
    const answerWeb = async (count: number) => {
      for (let i = 0; i < count && !state.done; i++) {
        const answer = RESIDENT[state.step];
        if (answer === undefined) throw new Error(`no answer for ${state.step}`);
        sent.push(answer);
        state = (await say(server.url, id, token, answer)).state;
      }
    };
    await answerWeb(8);
    const texts = ['hola', 'si', '2'];
    for (const body of texts)
      expect((await sendSms(server, { from: phone, body })).status).toBe(200);

    await stop(server, 'SIGTERM');
    server = await launch(port);
    let read = await transcript(server.url, id, token);
    expect(read.state).toEqual(state);
    await answerWeb(8);
    const more = await sendSms(server, { from: phone, body: '1' });
    expect(more.bodies.join('\n')).toMatch(/detencion/i);
    texts.push('1');

    await stop(server, 'SIGKILL');
    server = await launch(port);
    read = await transcript(server.url, id, token);
    expect(read.state).toEqual(state);
    await answerWeb(100);
    expect(state).toEqual({ step: 'end', done: true, language: 'en' });
    // Every answer stored once, in order (the browser reads back only the closing message now).
    const web = await stored({ id });
    expect(web?.transcript.filter((m) => m.role === 'user').map((m) => m.text)).toEqual(sent);

    // The texter answers the pending question ("detained") in the same conversation.
    const resumed = await sendSms(server, { from: phone, body: 'no' });
    expect(resumed.status).toBe(200);
    texts.push('no');
    const sms = await stored({ phone });
    expect(sms?.transcript.filter((m) => m.role === 'user').map((m) => m.text)).toEqual(texts);
    expect(sms?.intake.answers).toMatchObject({ aboutSelf: 'yes', detained: 'no' });
    await stop(server, 'SIGTERM');
  }, 120_000);
});
