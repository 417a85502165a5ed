/**
 * The SMS channel over real HTTP against the real DynamoDB Local: signed Twilio webhooks in,
 * TwiML out.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segments } from '../../functions/core/channels/sms/render';
import { RESIDENT, RESIDENT_ES as SPANISH } from '../helpers/intake';
import { startTestServer, type TestServer } from '../helpers/server';
import { newSid, sendSms, smsStep, textIntake } from '../helpers/sms';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

let counter = 0;
const newPhone = () => `+1213373${String(4000 + counter++).padStart(4, '0')}`;

describe('a complete intake by text message', () => {
  it.each([
    ['English', 'hi i need help', RESIDENT, /Thank you, Maria/],
    ['Spanish', 'hola necesito ayuda', SPANISH, /Gracias, Maria/],
  ])(
    'runs in %s, every SMS within 3 segments, and qualifies the lead',
    async (_lang, first, answers, thanks) => {
      const phone = newPhone();
      const received = await textIntake(server, phone, answers, first);
      expect(received.join('\n')).toMatch(thanks);
      for (const body of received) expect(segments(body).count, body).toBeLessThanOrEqual(3);
      const line = await server.deps.sms.getLine(phone);
      expect(line?.conversationId).toBeDefined();
      const conversation = await server.deps.store.get(line?.conversationId ?? '');
      expect(conversation?.intake.status).toBe('qualified');
      expect(conversation?.intake.channel).toBe('sms');
      // The number they texted from is the number to reach them.
      expect(conversation?.intake.answers.phone).toBe(phone);
      // The A-number is never echoed back by SMS.
      expect(received.join('\n')).not.toContain('123456789');
    },
  );
});

describe('after an intake ends', () => {
  it('starts a new conversation on the next text and keeps the old record', async () => {
    const phone = newPhone();
    await textIntake(server, phone, RESIDENT, 'hi');
    const first = (await server.deps.sms.getLine(phone))?.conversationId ?? '';
    const reply = await sendSms(server, { from: phone, body: 'hello again' });
    expect(reply.bodies.join('\n')).toMatch(/Do you want to continue/);
    const second = (await server.deps.sms.getLine(phone))?.conversationId ?? '';
    expect(second).not.toBe(first);
    expect((await server.deps.store.get(first))?.intake.status).toBe('qualified');
    expect((await server.deps.store.get(second))?.intake.step).toBe('consent');
  });
});

describe('opting out and back in', () => {
  it('confirms STOP once, sends nothing until START, and resumes where it was', async () => {
    const phone = newPhone();
    await sendSms(server, { from: phone, body: 'hello' });
    await sendSms(server, { from: phone, body: 'yes' });
    expect(await smsStep(server, phone)).toBe('matter');
    const stop = await sendSms(server, { from: phone, body: 'STOP' });
    expect(stop.bodies).toHaveLength(1);
    expect(stop.bodies[0]).toMatch(/not get more texts/);
    const silent = await sendSms(server, { from: phone, body: '2' });
    expect(silent.xml).toContain('<Response/>');
    expect(silent.bodies).toEqual([]);
    expect(await smsStep(server, phone)).toBe('matter');
    const again = await sendSms(server, { from: phone, body: 'stop' });
    expect(again.bodies).toEqual([]);
    const start = await sendSms(server, { from: phone, body: 'START' });
    expect(start.bodies[0]).toMatch(/can text again/);
    await sendSms(server, { from: phone, body: '2' });
    expect(await smsStep(server, phone)).toBe('aboutSelf');
  });

  it('answers BAJA in Spanish and AYUDA with the firm and how to opt out', async () => {
    const phone = newPhone();
    await sendSms(server, { from: phone, body: 'hola' });
    const help = await sendSms(server, { from: phone, body: 'ayuda' });
    expect(help.bodies[0]).toMatch(/Example Immigration Defense.*BAJA/s);
    const baja = await sendSms(server, { from: phone, body: 'Baja' });
    expect(baja.bodies[0]).toMatch(/No recibira mas mensajes/);
  });

  it('confirms STOP and START in Spanish to a texter writing in Spanish', async () => {
    const phone = newPhone();
    await sendSms(server, { from: phone, body: 'hola, necesito ayuda' });
    await sendSms(server, { from: phone, body: 'sí' });
    const stop = await sendSms(server, { from: phone, body: 'STOP' });
    expect(stop.bodies[0]).toMatch(/No recibira mas mensajes/);
    const start = await sendSms(server, { from: phone, body: 'START' });
    expect(start.bodies[0]).toMatch(/puede volver a escribir/);
    const help = await sendSms(server, { from: phone, body: 'HELP' });
    expect(help.bodies[0]).toMatch(/BAJA/);
  });
});

describe('Twilio retries', () => {
  it('gives a duplicated MessageSid the same reply and advances once', async () => {
    const phone = newPhone();
    await sendSms(server, { from: phone, body: 'hello' });
    const sid = newSid();
    const first = await sendSms(server, { from: phone, body: 'yes', sid });
    const second = await sendSms(server, { from: phone, body: 'yes', sid });
    expect(second.xml).toBe(first.xml);
    const line = await server.deps.sms.getLine(phone);
    const conversation = await server.deps.store.get(line?.conversationId ?? '');
    expect(conversation?.transcript.filter((m) => m.role === 'user').map((m) => m.text)).toEqual([
      'hello',
      'yes',
    ]);
  });

  it('advances once when two deliveries of one MessageSid overlap', async () => {
    const phone = newPhone();
    await sendSms(server, { from: phone, body: 'hello' });
    await sendSms(server, { from: phone, body: 'yes' });
    const sid = newSid();
    const [a, b] = await Promise.all([
      sendSms(server, { from: phone, body: '2', sid }),
      sendSms(server, { from: phone, body: '2', sid }),
    ]);
    expect(a.status).toBe(200);
    expect(b.xml).toBe(a.xml);
    const line = await server.deps.sms.getLine(phone);
    const conversation = await server.deps.store.get(line?.conversationId ?? '');
    expect(conversation?.transcript.filter((m) => m.role === 'user')).toHaveLength(3);
    expect(conversation?.intake.step).toBe('aboutSelf');
  });
});

describe('bad requests', () => {
  it('refuses a wrong signature with 403 and stores nothing', async () => {
    const before = await server.client.send(
      new ScanCommand({ TableName: server.tableName, Select: 'COUNT' }),
    );
    const phone = newPhone();
    const forged = await sendSms(
      server,
      { from: phone, body: 'hello' },
      { token: 'not-the-real-token-000000000000' },
    );
    expect(forged.status).toBe(403);
    const missing = await sendSms(server, { from: phone, body: 'hello' }, { signature: '' });
    expect(missing.status).toBe(403);
    expect(await server.deps.sms.getLine(phone)).toBeUndefined();
    const after = await server.client.send(
      new ScanCommand({ TableName: server.tableName, Select: 'COUNT' }),
    );
    expect(after.Count).toBe(before.Count);
  });

  it('escapes what a client typed when it comes back in TwiML', async () => {
    const phone = newPhone();
    await sendSms(server, { from: phone, body: 'hello' });
    await sendSms(server, { from: phone, body: 'yes' });
    await sendSms(server, { from: phone, body: '1' });
    await sendSms(server, { from: phone, body: '1' });
    await sendSms(server, { from: phone, body: 'yes' });
    const reply = await sendSms(server, { from: phone, body: '<b>Otay & "Mesa"</b>' });
    expect(reply.xml).not.toContain('<b>');
    expect(reply.status).toBe(200);
  });
});

describe('load', () => {
  it('handles 20 messages from 20 numbers at once', async () => {
    const phones = Array.from({ length: 20 }, newPhone);
    const replies = await Promise.all(
      phones.map((from) => sendSms(server, { from, body: 'hola' })),
    );
    expect(replies.map((r) => r.status)).toEqual(phones.map(() => 200));
    for (const r of replies) expect(r.bodies.join(' ')).toMatch(/asistente/);
    const lines = await Promise.all(phones.map((p) => server.deps.sms.getLine(p)));
    expect(new Set(lines.map((l) => l?.conversationId)).size).toBe(20);
  });
});
