/**
 * One conversation across the web chat and text messages, over real HTTP and DynamoDB Local:
 * "continue by text" with a code sent to the phone, and "web" by SMS with a one-time link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWebLink, say, start } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { sendSms } from '../helpers/sms';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? '';

describe('continuing a web chat by text', () => {
  it('texts a code to the phone, and once it is typed the intake goes on by SMS, one transcript', async () => {
    const { conversationId: id, token } = await start(server.url);
    await say(server.url, id, token, 'yes');
    await say(server.url, id, token, '2');
    const asked = await say(server.url, id, token, 'continue by text');
    expect(asked.state.step).toBe('linkPhone');
    const sent = await say(server.url, id, token, '(213) 373-4299');
    expect(sent.state.step).toBe('linkCode');
    expect(sent.messages[0]?.text).toMatch(/\(213\) 373-4299/);
    const codeText = server.outbox.at(-1);
    expect(codeText?.to).toBe('+12133734299');
    const code = codeIn(codeText?.body ?? '');
    expect(code).toMatch(/^\d{6}$/);
    // The code itself is kept only as a hash.
    expect(JSON.stringify(await server.deps.store.get(id))).not.toContain(code);

    const wrong = await say(server.url, id, token, code === '000000' ? '111111' : '000000');
    expect(wrong.state.step).toBe('linkCode');
    const done = await say(server.url, id, token, code);
    expect(done.state.step).toBe('aboutSelf');
    expect(done.messages[0]?.text).toMatch(/keep going by text/);
    // The pending question arrives by text.
    expect(server.outbox.at(-1)).toMatchObject({
      to: '+12133734299',
      body: expect.stringMatching(/about you/),
    });

    // Texting back answers it in the same conversation.
    await sendSms(server, { from: '+12133734299', body: '1' });
    const conversation = await server.deps.store.get(id);
    expect(conversation?.intake.channel).toBe('sms');
    expect(conversation?.intake.answers.aboutSelf).toBe('yes');
    expect(conversation?.intake.step).toBe('detained');
    expect(conversation?.transcript.filter((m) => m.role === 'user').map((m) => m.text)).toEqual([
      'yes',
      '2',
      'continue by text',
      '(213) 373-4299',
      expect.any(String),
      code,
      '1',
    ]);
  });

  it('sends nothing to a number that opted out, and does not say so', async () => {
    const phone = '+12133734298';
    await sendSms(server, { from: phone, body: 'hola' });
    await sendSms(server, { from: phone, body: 'STOP' });
    const before = server.outbox.length;
    const { conversationId: id, token } = await start(server.url);
    await say(server.url, id, token, 'yes');
    await say(server.url, id, token, 'continue by text');
    const reply = await say(server.url, id, token, phone);
    expect(server.outbox.length).toBe(before);
    // The same words as for any number (test/privacy/opt-out-oracle.test.ts): nothing to learn.
    expect(reply.messages[0]?.text).toMatch(/^If \(213\) 373-4298 can receive texts/);
    expect(reply.state.step).toBe('linkCode');
    // No code can be typed to it; "back" returns to the intake where it was.
    const back = await say(server.url, id, token, 'back');
    expect(back.state.step).toBe('matter');
  });
});

describe('continuing a text conversation on the web', () => {
  it('texts a one-time link that opens the same conversation in the web chat', async () => {
    const phone = '+12133734297';
    await sendSms(server, { from: phone, body: 'hello' });
    await sendSms(server, { from: phone, body: 'yes' });
    const reply = await sendSms(server, { from: phone, body: 'web' });
    const link = /amparo\.test\/\?continue=([^\s]+)/.exec(reply.bodies.join('\n'))?.[1] ?? '';
    expect(link).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/);
    const [id] = link.split('.');
    const stored = await server.deps.store.get(id ?? '');
    // The transcript keeps "[link]", never the secret.
    expect(JSON.stringify(stored?.transcript)).not.toContain(link.split('.')[1] ?? 'x');

    const opened = await openWebLink(server.url, link);
    expect(opened.status).toBe(200);
    const body = await opened.json();
    expect(body.conversationId).toBe(id);
    expect(body.state).toEqual({ step: 'matter', done: false, language: 'en' });
    // It opens at the pending question, asked again, with nothing answered before
    // (test/privacy/web-link.test.ts); the stored transcript stays whole for the firm.
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['bot']);
    expect(body.messages[0].text).toMatch(/What do you need help with/);
    expect(
      (await server.deps.store.get(id ?? ''))?.transcript
        .filter((m) => m.role === 'user')
        .map((m) => m.text),
    ).toEqual(['hello', 'yes', 'web']);
    const next = await say(server.url, body.conversationId, body.token, '2');
    expect(next.state.step).toBe('aboutSelf');

    const again = await openWebLink(server.url, link);
    expect(again.status).toBe(403);
  });

  it('refuses a forged link with 403', async () => {
    const res = await openWebLink(
      server.url,
      '7b0e5a52-8b1f-4f7e-9a51-7f1f0c7b2d11.forgedforgedforgedforged',
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
  });
});
