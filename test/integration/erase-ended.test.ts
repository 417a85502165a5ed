/**
 * "delete my data" after an intake ended: a referred or declined conversation is erased after the
 * confirmation, on the web and by text (where any other text after the end starts a new intake);
 * once a conversation became a lead, the client is told the firm holds it and how to ask.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../functions/core/conversation';
import { say, start } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { sendSms } from '../helpers/sms';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Ends a stored conversation as the engine would have (referred, or a lead). */
async function end(id: string, status: 'referred' | 'qualified') {
  const current = (await server.deps.store.get(id)) as Conversation;
  await server.deps.store.save({
    ...current,
    version: current.version + 1,
    intake: { ...current.intake, status, step: 'end' },
  });
}

describe('erasing an ended intake', () => {
  it('erases a referred web conversation after the confirmation', async () => {
    const { conversationId: id, token } = await start(server.url);
    await say(server.url, id, token, 'yes');
    await end(id, 'referred');
    const asked = await say(server.url, id, token, 'delete my data');
    expect(asked.state.step).toBe('deleteConfirm');
    await say(server.url, id, token, 'no');
    expect(await server.deps.store.get(id)).toBeDefined();
    await say(server.url, id, token, 'delete my data');
    const done = await say(server.url, id, token, 'yes');
    expect(done.messages[0]?.text).toMatch(/erased|deleted/i);
    expect(await server.deps.store.get(id)).toBeUndefined();
  });

  it('erases a referred conversation by text, rather than starting a new one', async () => {
    const phone = '+12135550501';
    await sendSms(server, { from: phone, body: 'hola' });
    const id = (await server.deps.sms.getLine(phone))?.conversationId ?? '';
    await end(id, 'referred');
    const asked = await sendSms(server, { from: phone, body: 'borrar mis datos' });
    expect(asked.bodies.join(' ')).toMatch(/borre esta conversacion/);
    expect((await server.deps.sms.getLine(phone))?.conversationId).toBe(id);
    await sendSms(server, { from: phone, body: 'sí' });
    expect(await server.deps.store.get(id)).toBeUndefined();
    expect((await server.deps.sms.getLine(phone))?.conversationId).toBeUndefined();
  });

  it('tells a client whose intake became a lead how to ask the firm', async () => {
    const { conversationId: id, token } = await start(server.url, { language: 'es' });
    await say(server.url, id, token, 'sí');
    await end(id, 'qualified');
    const reply = await say(server.url, id, token, 'borrar mis datos');
    expect(reply.messages[0]?.text).toMatch(/ya tiene la información.*555-0142/s);
    expect(await server.deps.store.get(id)).toBeDefined();
  });
});
