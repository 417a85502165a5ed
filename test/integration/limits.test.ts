/**
 * The abuse limits and the conversation caps over real HTTP, on the production rules: a
 * conversation, a phone number and a client address each get 429 with Retry-After once spent,
 * and a refused message changes nothing; a conversation at its cap answers with a kind note,
 * stores nothing more, and can still be erased.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATION_CAPS, type Conversation } from '../../functions/core/conversation';
import { MESSAGE_RULE } from '../../functions/core/rate-limit';
import { createApp } from '../../functions/http/app';
import { send, start } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { newSid, sendSms } from '../helpers/sms';

let server: TestServer;
let clock = Date.parse('2026-11-25T18:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(clock), limits: true });
});
afterAll(() => server.close());

async function transcriptLength(id: string) {
  return (await server.deps.store.get(id))?.transcript.length;
}

/** Grows a stored conversation to its cap of user messages, as a script would have. */
async function inflate(id: string) {
  const current = (await server.deps.store.get(id)) as Conversation;
  const at = new Date(clock).toISOString();
  const filler = Array.from({ length: CONVERSATION_CAPS.userMessages }, (_, i) => ({
    role: 'user' as const,
    text: `message ${i}`,
    at,
  }));
  await server.deps.store.save({
    ...current,
    version: current.version + 1,
    transcript: [...current.transcript, ...filler],
  });
}

describe('the per-conversation limit', () => {
  it('answers 429 with Retry-After after the burst, changes nothing, and lets the next one in', async () => {
    const { conversationId: id, token } = await start(server.url);
    for (let i = 0; i < MESSAGE_RULE.burst; i++) {
      expect((await send(server.url, id, token, 'purple')).status).toBe(200);
    }
    const before = await transcriptLength(id);
    const refused = await send(server.url, id, token, 'purple');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toEqual({
      error: { code: 'rate_limited', message: expect.stringMatching(/wait/) },
    });
    expect(await transcriptLength(id)).toBe(before);
    clock += retryAfter * 1000;
    expect((await send(server.url, id, token, 'purple')).status).toBe(200);
    expect(await transcriptLength(id)).toBe((before ?? 0) + 2);
  });
});

describe('the per-phone limit', () => {
  it('refuses a flood of texts but still answers HELP and honours STOP', async () => {
    clock += 3_600_000;
    const phone = '+12135550401';
    for (let i = 0; i < MESSAGE_RULE.burst; i++) {
      expect((await sendSms(server, { from: phone, body: i ? 'purple' : 'hola' })).status).toBe(
        200,
      );
    }
    const line = await server.deps.sms.getLine(phone);
    const before = await transcriptLength(line?.conversationId ?? '');
    const refused = await sendSms(server, { from: phone, body: 'purple' });
    expect(refused.status).toBe(429);
    expect(await transcriptLength(line?.conversationId ?? '')).toBe(before);

    const help = await sendSms(server, { from: phone, body: 'AYUDA' });
    expect(help.status).toBe(200);
    expect(help.bodies.join(' ')).toMatch(/555-0142/);
    const stop = await sendSms(server, { from: phone, body: 'STOP' });
    expect(stop.status).toBe(200);
    expect((await server.deps.sms.getLine(phone))?.optedOut).toBe(true);
  });
});

describe('the per-address limit', () => {
  it('limits /api per client address, never the Twilio webhook', async () => {
    const app = createApp({ ...server.deps, clientAddress: (c) => getConnInfo(c).remote.address });
    const limited = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((done) => limited.once('listening', () => done()));
    const url = `http://127.0.0.1:${(limited.address() as AddressInfo).port}`;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 70; i++) {
        const res = await fetch(`${url}/api/knowledge/search?q=bond&lang=en`);
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(60)).toContain(429);
      const text = await sendSms({ url }, { from: '+12135550402', body: 'hello' });
      expect(text.status).toBe(200);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      await new Promise<void>((done) => limited.close(() => done()));
    }
  });
});

describe('the conversation caps', () => {
  it('answers a web conversation at its cap kindly, stores nothing, and still erases it', async () => {
    clock += 3_600_000;
    const { conversationId: id, token } = await start(server.url);
    await inflate(id);
    const before = await transcriptLength(id);
    const res = await send(server.url, id, token, 'purple');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { messages: { text: string }[] };
    expect(body.messages.map((m) => m.text).join(' ')).toMatch(/too long.*555-0142/s);
    expect(await transcriptLength(id)).toBe(before);

    expect((await send(server.url, id, token, 'delete my data')).status).toBe(200);
    expect((await send(server.url, id, token, 'yes')).status).toBe(200);
    expect(await server.deps.store.get(id)).toBeUndefined();
  });

  it('answers a texter at the cap once per message, and remembers the reply for a retry', async () => {
    clock += 3_600_000;
    const phone = '+12135550403';
    await sendSms(server, { from: phone, body: 'hola' });
    const id = (await server.deps.sms.getLine(phone))?.conversationId ?? '';
    await inflate(id);
    const before = await transcriptLength(id);
    const sid = newSid();
    const note = await sendSms(server, { from: phone, body: '1', sid });
    expect(note.status).toBe(200);
    expect(note.bodies.join(' ')).toMatch(/demasiado larga.*555-0142/s);
    expect(await transcriptLength(id)).toBe(before);
    expect((await sendSms(server, { from: phone, body: '1', sid })).bodies).toEqual(note.bodies);
  });
});
