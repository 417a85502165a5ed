/**
 * WhatsApp (API.md "WhatsApp"), end to end over real HTTP and DynamoDB Local: Twilio's WhatsApp
 * webhook signed with Twilio's own library, a whole intake in each language producing a lead with
 * channel whatsapp, media, keywords, a retried webhook, and one conversation moving WhatsApp →
 * web → WhatsApp (the code shown in the web chat, sent from the client's WhatsApp).
 */

import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWebLink, say } from '../helpers/http';
import { RESIDENT, RESIDENT_ES } from '../helpers/intake';
import {
  startTestServer,
  TEST_PUBLIC_BASE_URL,
  type TestServer,
  TWILIO_TEST_TOKEN,
} from '../helpers/server';
import { newSid, sendSms, sendWhatsApp, textIntake } from '../helpers/sms';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

let counter = 0;
const newPhone = () => `+1213374${String(1000 + counter++).padStart(4, '0')}`;
const wa = (phone: string) => `whatsapp:${phone}`;

async function conversationOf(address: string) {
  const line = await server.deps.sms.getLine(address);
  return line?.conversationId ? server.deps.store.get(line.conversationId) : undefined;
}

describe('a complete intake by WhatsApp', () => {
  it.each([
    ['English', 'hi i need help', RESIDENT, /Thank you, Maria/],
    ['Spanish', 'hola necesito ayuda', RESIDENT_ES, /Gracias, Maria/],
  ])('runs in %s and makes a lead that came by WhatsApp', async (_lang, first, answers, thanks) => {
    const phone = newPhone();
    const received = await textIntake(server, wa(phone), answers, first);
    const all = received.join('\n');
    expect(all).toMatch(thanks);
    // One message each, within WhatsApp's 1,600 characters, choices numbered as on SMS.
    for (const body of received) expect(body.length).toBeLessThanOrEqual(1600);
    expect(all).toMatch(/\n1\. |Re(ply|sponda) 1 (for|para)/);
    // The same safety rules as SMS: the A-number is never echoed back.
    expect(all).not.toContain('123456789');
    const conversation = await conversationOf(wa(phone));
    expect(conversation?.intake.status).toBe('qualified');
    expect(conversation?.intake.channel).toBe('whatsapp');
    // The WhatsApp number is the number to reach them, as E.164, and it is proven.
    expect(conversation?.intake.answers.phone).toBe(phone);
    const lead = await server.deps.delivery?.leads.openLeadOf(phone, new Date());
    expect(lead?.channel).toBe('whatsapp');
    expect(lead?.phoneProven).toBe(true);
    // The SMS line of the same number is its own: untouched.
    expect(await server.deps.sms.getLine(phone)).toBeUndefined();
  });

  it('keeps accents (no GSM folding) in Spanish', async () => {
    const phone = newPhone();
    const reply = await sendWhatsApp(server, { from: phone, body: 'hola' });
    expect(reply.status).toBe(200);
    expect(reply.bodies.join('\n')).toMatch(/¿Quiere continuar\?/);
    expect(reply.bodies.join('\n')).toMatch(/información|asesoría/);
  });
});

describe('what WhatsApp sends besides words', () => {
  it.each(['voice', 'photo', 'location'] as const)(
    'answers a %s with a kind "please type", in the conversation’s language, and changes no answer',
    async (media) => {
      const phone = newPhone();
      await sendWhatsApp(server, { from: phone, body: 'hola' });
      const before = await conversationOf(wa(phone));
      const reply = await sendWhatsApp(server, { from: phone, body: '', media });
      expect(reply.bodies).toEqual([
        'Solo puedo leer mensajes escritos. Por favor escriba su respuesta.',
      ]);
      const after = await conversationOf(wa(phone));
      expect(after?.intake).toEqual(before?.intake);
      expect(after?.transcript).toEqual(before?.transcript);
    },
  );

  it('reads the words of a photo sent with a caption', async () => {
    const phone = newPhone();
    await sendWhatsApp(server, { from: phone, body: 'hello' });
    await sendWhatsApp(server, { from: phone, body: 'yes', media: 'photo' });
    expect((await conversationOf(wa(phone)))?.intake.step).toBe('matter');
  });
});

describe('keywords and retries, as on SMS', () => {
  it('STOP opts the WhatsApp address out (once, then silence) and START brings it back', async () => {
    const phone = newPhone();
    await sendWhatsApp(server, { from: phone, body: 'hello' });
    const stop = await sendWhatsApp(server, { from: phone, body: 'STOP' });
    expect(stop.bodies.join('')).toMatch(/You will not get more texts/);
    expect((await server.deps.sms.getLine(wa(phone)))?.optedOut).toBe(true);
    expect((await sendWhatsApp(server, { from: phone, body: 'yes' })).bodies).toEqual([]);
    const help = await sendWhatsApp(server, { from: phone, body: 'AYUDA' });
    expect(help.bodies.join('')).toMatch(/STOP/);
    const start = await sendWhatsApp(server, { from: phone, body: 'start' });
    expect(start.bodies.join('')).toMatch(/you can text again/);
    expect((await server.deps.sms.getLine(wa(phone)))?.optedOut).toBe(false);
  });

  it('answers a retried webhook (the same MessageSid) with the same reply and advances once', async () => {
    const phone = newPhone();
    await sendWhatsApp(server, { from: phone, body: 'hello' });
    const sid = newSid();
    const first = await sendWhatsApp(server, { from: phone, body: 'yes', sid });
    const retried = await sendWhatsApp(server, { from: phone, body: 'yes', sid });
    expect(retried.bodies).toEqual(first.bodies);
    const conversation = await conversationOf(wa(phone));
    expect(conversation?.transcript.filter((e) => e.role === 'user').map((e) => e.text)).toEqual([
      'hello',
      'yes',
    ]);
  });

  it('takes two messages sent at once, both, in some order, once each', async () => {
    const phone = newPhone();
    await sendWhatsApp(server, { from: phone, body: 'hello' });
    await sendWhatsApp(server, { from: phone, body: 'yes' });
    await Promise.all([
      sendWhatsApp(server, { from: phone, body: 'what is bond?' }),
      sendWhatsApp(server, { from: phone, body: 'what is an a number?' }),
    ]);
    const conversation = await conversationOf(wa(phone));
    const said = conversation?.transcript.filter((e) => e.role === 'user').map((e) => e.text);
    expect(said?.slice(0, 2)).toEqual(['hello', 'yes']);
    expect([...(said ?? [])].slice(2).sort()).toEqual(['what is an a number?', 'what is bond?']);
  });
});

describe('the webhook refuses what Twilio would not send', () => {
  it('403 for a wrong signature, and nothing is stored', async () => {
    const phone = newPhone();
    const reply = await sendWhatsApp(
      server,
      { from: phone, body: 'hola' },
      { signature: 'bm90IGEgc2lnbmF0dXJl' },
    );
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.xml)).toEqual({
      error: { code: 'forbidden', message: 'The request signature is missing or wrong.' },
    });
    expect(await server.deps.sms.getLine(wa(phone))).toBeUndefined();
  });

  it('400 for an SMS number on the WhatsApp webhook, and a WhatsApp address on the SMS one', async () => {
    const phone = newPhone();
    const url = `${TEST_PUBLIC_BASE_URL}/webhooks/twilio/whatsapp`;
    const params = { MessageSid: newSid(), From: phone, Body: 'hola', NumMedia: '0' };
    const res = await fetch(`${server.url}/webhooks/twilio/whatsapp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(TWILIO_TEST_TOKEN, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/From.*WhatsApp address/);
    const wrong = await sendSms(server, { from: wa(phone), body: 'hola' });
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.xml).error.message).toMatch(/From/);
    expect(await server.deps.sms.getLine(phone)).toBeUndefined();
    expect(await server.deps.sms.getLine(wa(phone))).toBeUndefined();
  });
});

describe('one conversation across WhatsApp and the web', () => {
  it('moves WhatsApp → web (a one-time link) → WhatsApp (a code sent from the client’s WhatsApp), one transcript', async () => {
    const phone = newPhone();
    await sendWhatsApp(server, { from: phone, body: 'hello' });
    await sendWhatsApp(server, { from: phone, body: 'yes' });
    const web = await sendWhatsApp(server, { from: phone, body: 'web' });
    const link = /amparo\.test\/\?continue=([^\s]+)/.exec(web.bodies.join('\n'))?.[1] ?? '';
    expect(link).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/);
    const opened = await openWebLink(server.url, link);
    const body = await opened.json();
    const id: string = body.conversationId;
    const token: string = body.token;
    expect(body.state.step).toBe('matter');
    // The WhatsApp line let go of it: on the web now.
    expect((await server.deps.sms.getLine(wa(phone)))?.conversationId).toBeUndefined();
    await say(server.url, id, token, '2');

    const before = server.outbox.length;
    const asked = await say(server.url, id, token, 'continue on WhatsApp');
    const text = asked.messages.map((m: { text: string }) => m.text).join('\n');
    const code = /\b(\d{6})\b/.exec(text)?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    expect(text).toContain('https://wa.me/15555550100?text=');
    expect(text).toContain('(213) 374');
    // The intake goes on here until the code arrives; nothing is sent to the number.
    expect(asked.state.step).toBe('aboutSelf');
    expect(server.outbox.length).toBe(before);
    // The code is kept only as a hash: the transcript says [code].
    const stored = JSON.stringify(await server.deps.store.get(id));
    expect(stored).not.toContain(code);
    expect(JSON.stringify(await server.deps.sms.getLine(wa(phone)))).not.toContain(code);

    const wrong = await sendWhatsApp(server, {
      from: phone,
      body: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.bodies.join('')).toMatch(/code is not right/);
    const linked = await sendWhatsApp(server, { from: phone, body: `Code ${code}` });
    expect(linked.bodies.join('\n')).toMatch(/We go on here in WhatsApp/);
    expect(linked.bodies.join('\n')).toMatch(/about you/);
    await sendWhatsApp(server, { from: phone, body: '1' });

    const conversation = await server.deps.store.get(id);
    expect(conversation?.intake.channel).toBe('whatsapp');
    expect(conversation?.intake.answers.aboutSelf).toBe('yes');
    expect(conversation?.transcript.filter((e) => e.role === 'user').map((e) => e.text)).toEqual([
      'hello',
      'yes',
      'web',
      '2',
      'continue on WhatsApp',
      '[code]',
      '1',
    ]);
    expect((await server.deps.sms.getLine(wa(phone)))?.conversationId).toBe(id);
    // Used: the same code again is an ordinary message to the intake.
    expect((await server.deps.sms.getLine(wa(phone)))?.pending).toBeUndefined();
  });

  it('answers a wrong code in the language of the chat that asked for it', async () => {
    const phone = newPhone();
    const started = await fetch(`${server.url}/api/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'es' }),
    }).then((r) => r.json());
    await say(server.url, started.conversationId, started.token, 'si');
    await say(server.url, started.conversationId, started.token, 'seguir por whatsapp');
    const asked = await say(server.url, started.conversationId, started.token, phone.slice(2));
    const code = /\b(\d{6})\b/.exec(
      asked.messages.map((m: { text: string }) => m.text).join(),
    )?.[1];
    const wrong = await sendWhatsApp(server, {
      from: phone,
      body: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.bodies).toEqual([
      'Ese código no es correcto. Revíselo en el chat y mándelo otra vez.',
    ]);
  });

  it('a code typed by someone holding only the web chat links nothing: it must come from that WhatsApp', async () => {
    const victim = newPhone();
    const other = newPhone();
    // The victim is in their own WhatsApp intake.
    await sendWhatsApp(server, { from: victim, body: 'hello' });
    await sendWhatsApp(server, { from: victim, body: 'yes' });
    const theirs = (await server.deps.sms.getLine(wa(victim)))?.conversationId;

    // Someone else, in a web chat, asks to continue on the victim's WhatsApp number.
    const started = await fetch(`${server.url}/api/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'en' }),
    }).then((r) => r.json());
    await say(server.url, started.conversationId, started.token, 'yes');
    const before = server.outbox.length;
    await say(server.url, started.conversationId, started.token, 'whatsapp');
    const asked = await say(
      server.url,
      started.conversationId,
      started.token,
      victim.replace('+1', ''),
    );
    const code = /\b(\d{6})\b/.exec(
      asked.messages.map((m: { text: string }) => m.text).join(),
    )?.[1];
    expect(code).toMatch(/^\d{6}$/);
    // Nothing reached the victim's number, and their conversation is still theirs.
    expect(server.outbox.length).toBe(before);
    expect((await server.deps.sms.getLine(wa(victim)))?.conversationId).toBe(theirs);
    // The code sent from another WhatsApp is an ordinary message there: no link.
    await sendWhatsApp(server, { from: other, body: code ?? '' });
    expect((await server.deps.sms.getLine(wa(other)))?.conversationId).not.toBe(
      started.conversationId,
    );
    // Guessing from the victim's WhatsApp stops after 5 wrong codes.
    for (let i = 0; i < 5; i++) {
      const guess = String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
      await sendWhatsApp(server, { from: victim, body: guess });
    }
    expect((await server.deps.sms.getLine(wa(victim)))?.pending).toBeUndefined();
    await sendWhatsApp(server, { from: victim, body: code ?? '' });
    expect((await server.deps.sms.getLine(wa(victim)))?.conversationId).toBe(theirs);
  });
});
