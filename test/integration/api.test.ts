/**
 * The web chat API over real HTTP, against the real DynamoDB Local.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationKey } from '../../functions/adapters/keys';
import { type ApiState, say, send, start } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function rawItem(id: string) {
  const out = await server.client.send(
    new GetItemCommand({ TableName: server.tableName, Key: marshall(conversationKey(id)) }),
  );
  return out.Item ? unmarshall(out.Item) : undefined;
}

describe('a whole intake over HTTP', () => {
  it('runs from consent to a qualified lead stored with its flags', async () => {
    const started = await start(server.url);
    expect(started.state).toEqual({ step: 'consent', done: false, language: 'en' });
    expect(started.token.length).toBeGreaterThanOrEqual(22);
    let state: ApiState = started.state;
    const steps: string[] = [];
    while (!state.done) {
      const answer = RESIDENT[state.step];
      if (answer === undefined) throw new Error(`no answer for ${state.step}`);
      steps.push(state.step);
      state = (await say(server.url, started.conversationId, started.token, answer)).state;
    }
    expect(steps).toContain('confirm');
    expect(state).toEqual({ step: 'end', done: true, language: 'en' });

    const item = await rawItem(started.conversationId);
    expect(item?.intake.status).toBe('qualified');
    expect(item?.intake.outcome.screening.flags.map((f: { id: string }) => f.id)).toContain(
      'cancellation-non-lpr',
    );
    expect(item?.intake.answers.phone).toBe('+12133734253');
    // The token is stored only as its hash.
    expect(JSON.stringify(item)).not.toContain(started.token);
    expect(item?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // A qualified conversation is kept for the firm's retention period (365 days), not 30.
    const days = (item?.expiresAt * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThanOrEqual(365);
    // Logs hold no message text, names or phone numbers.
    const logs = server.logs.join('\n');
    expect(logs).not.toMatch(/Maria|Lopez|2133734253|373-4253|123456789/);
  });

  it('returns the whole transcript, both roles, to the token holder', async () => {
    const started = await start(server.url, { language: 'es' });
    await say(server.url, started.conversationId, started.token, 'sí');
    const res = await fetch(`${server.url}/api/conversations/${started.conversationId}`, {
      headers: { authorization: `Bearer ${started.token}` },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.conversationId).toBe(started.conversationId);
    expect(body.language).toBe('es');
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual([
      'bot',
      'bot',
      'user',
      'bot',
    ]);
    expect(body.messages[2]).toEqual({ role: 'user', text: 'sí' });
    expect(body.state).toEqual({ step: 'matter', done: false, language: 'es' });
  });

  it('sets a 30-day expiry on an unfinished conversation', async () => {
    const before = Math.floor(Date.now() / 1000);
    const started = await start(server.url);
    const item = await rawItem(started.conversationId);
    expect(item?.expiresAt).toBeGreaterThanOrEqual(before + 30 * 86400);
    expect(item?.expiresAt).toBeLessThanOrEqual(before + 30 * 86400 + 60);
  });

  it('erases the conversation from the table after "delete my data" is confirmed', async () => {
    const { conversationId: id, token } = await start(server.url);
    await say(server.url, id, token, 'yes');
    await say(server.url, id, token, 'delete my data');
    const done = await say(server.url, id, token, 'yes');
    expect(done.state.done).toBe(true);
    expect(await rawItem(id)).toBeUndefined();
  });
});

describe('two messages at once', () => {
  it('applies both, one after the other, losing and doubling nothing', async () => {
    const { conversationId: id, token } = await start(server.url);
    await say(server.url, id, token, 'yes');
    await say(server.url, id, token, '2');
    // Two answers sent together: whichever lands first answers aboutSelf, the other detained.
    const [a, b] = await Promise.all([
      send(server.url, id, token, '1'),
      send(server.url, id, token, 'no'),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const item = await rawItem(id);
    const userTexts = item?.transcript
      .filter((m: { role: string }) => m.role === 'user')
      .map((m: { text: string }) => m.text);
    expect(userTexts.slice(0, 2)).toEqual(['yes', '2']);
    expect(userTexts.slice(2).sort()).toEqual(['1', 'no']);
    expect(userTexts).toHaveLength(4);
    expect(item?.version).toBe(5);
  });

  it('keeps every message of a burst of ten', async () => {
    const { conversationId: id, token } = await start(server.url);
    const texts = Array.from({ length: 10 }, (_, i) => `what? ${i}`);
    const results = await Promise.all(texts.map((t) => send(server.url, id, token, t)));
    expect(results.map((r) => r.status)).toEqual(texts.map(() => 200));
    const item = await rawItem(id);
    const userTexts = item?.transcript
      .filter((m: { role: string }) => m.role === 'user')
      .map((m: { text: string }) => m.text);
    expect([...userTexts].sort()).toEqual([...texts].sort());
    expect(item?.version).toBe(11);
  });
});

describe('tokens', () => {
  it('refuses a wrong token with 401 and shows nothing of the conversation', async () => {
    const { conversationId: id } = await start(server.url);
    const other = await start(server.url);
    const res = await fetch(`${server.url}/api/conversations/${id}`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect(JSON.stringify(body)).not.toMatch(/intake assistant/);
    const post = await send(server.url, id, other.token, 'yes');
    expect(post.status).toBe(401);
    expect((await rawItem(id))?.version).toBe(1);
  });

  it('refuses a missing token with 401', async () => {
    const { conversationId: id } = await start(server.url);
    const res = await fetch(`${server.url}/api/conversations/${id}`);
    expect(res.status).toBe(401);
  });
});

describe('errors in the documented shape', () => {
  const post = (path: string, body: string, type = 'application/json', token?: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });

  it('400 for malformed JSON', async () => {
    const res = await post('/api/conversations', '{"language":');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_json');
  });

  it('400 naming the field for a body that fails its schema', async () => {
    const res = await post('/api/conversations', '{"language":"fr"}');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^language:/);
    const { conversationId: id, token } = await start(server.url);
    for (const text of ['   ', 'x'.repeat(2001)]) {
      const bad = await post(
        `/api/conversations/${id}/messages`,
        JSON.stringify({ text }),
        'application/json',
        token,
      );
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.message).toMatch(/^text:/);
    }
    const wrongType = await post(
      `/api/conversations/${id}/messages`,
      '{"text":42}',
      'application/json',
      token,
    );
    expect(wrongType.status).toBe(400);
    expect((await rawItem(id))?.version).toBe(1);
  });

  it('accepts exactly 2000 characters after trimming', async () => {
    const { conversationId: id, token } = await start(server.url);
    const res = await send(server.url, id, token, `  ${'y'.repeat(2000)}  `);
    expect(res.status).toBe(200);
  });

  it('413 for a body over 16 KiB, 415 for another content type', async () => {
    const big = await post(
      '/api/conversations',
      JSON.stringify({ language: 'en', pad: 'x'.repeat(17 * 1024) }),
    );
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('payload_too_large');
    const form = await post(
      '/api/conversations',
      'language=en',
      'application/x-www-form-urlencoded',
    );
    expect(form.status).toBe(415);
  });

  it('404 for an unknown conversation and an unknown path', async () => {
    const { token } = await start(server.url);
    const res = await send(server.url, '7b0e5a52-8b1f-4f7e-9a51-7f1f0c7b2d11', token, 'hi');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
    const nowhere = await fetch(`${server.url}/nope`);
    expect(nowhere.status).toBe(404);
    expect(await nowhere.json()).toEqual({
      error: { code: 'not_found', message: expect.any(String) },
    });
  });

  it('answers /healthz', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('a question in the middle of an intake over HTTP', () => {
  it('is answered, kept on the conversation, and the intake resumes where it was', async () => {
    const { conversationId: id, token } = await start(server.url);
    let state: ApiState = (await say(server.url, id, token, 'yes')).state;
    while (state.step !== 'aNumber') {
      const answer = RESIDENT[state.step];
      if (answer === undefined) throw new Error(`no answer for ${state.step}`);
      state = (await say(server.url, id, token, answer)).state;
    }
    const asked = await say(server.url, id, token, 'what is an A-number?');
    expect(asked.state.step).toBe('aNumber');
    expect(asked.messages[0]?.text).toMatch(/general information, not legal advice/);
    expect(asked.messages.at(-1)?.text).toMatch(/A-number/);
    const next = await say(server.url, id, token, 'skip');
    expect(next.state.step).toBe('hasCourtCase');
    const item = await rawItem(id);
    expect(item?.intake.questions).toEqual([
      expect.objectContaining({
        text: 'what is an A-number?',
        step: 'aNumber',
        articleId: 'a-number',
      }),
    ]);
  });
});
