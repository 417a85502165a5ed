/**
 * WhatsApp as an adversary would use it (DOMAIN.md "Safety rules", "SMS rules", "Privacy";
 * API.md "WhatsApp"), over real HTTP on DynamoDB Local: linking someone else's conversation to
 * one's WhatsApp (a code from another number, guessed codes, a replayed MessageSid, a code left
 * waiting after the conversation was erased, a code of one's own put over the victim's), learning
 * whether a number wrote to the firm, getting the firm to write to a WhatsApp whose owner said it
 * is not safe or to a number only typed (an acceptance, reminders), reading answers back by
 * WhatsApp, erasing a conversation that moved from SMS to WhatsApp, floods of media, and what the
 * logs keep. A failing test here is an attack that works today.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptLead } from '../../functions/core/leads/accept';
import { sendDueReminders } from '../../functions/core/reminders/send';
import { openWebLink, type Started, say, start } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, type TestServer } from '../helpers/server';
import { newSid, sendSms, sendWhatsApp, textIntake } from '../helpers/sms';
import { signInAs, staffApi } from '../helpers/staff';

const START = new Date('2026-12-07T18:00:00Z');
let clock = START;
const TEMPLATE_SID = `HX${'4'.repeat(32)}`;

let server: TestServer;
let templated: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  templated = await startTestServer({
    now: () => clock,
    whatsAppTemplates: { 'staffMessage.en': TEMPLATE_SID, 'accepted.en': TEMPLATE_SID },
  });
});
afterAll(async () => {
  await server.close();
  await templated.close();
});

let counter = 0;
const newPhone = () => `+1213377${String(1000 + counter++).padStart(4, '0')}`;
const wa = (phone: string) => `whatsapp:${phone}`;
const textOf = (messages: { text: string }[]) => messages.map((m) => m.text).join('\n');
const otherCode = (code: string, n = 0) =>
  String((Number(code) + 1 + n * 7919) % 1_000_000).padStart(6, '0');

async function conversationOf(s: TestServer, address: string) {
  const line = await s.deps.sms.getLine(address);
  return line?.conversationId ? s.deps.store.get(line.conversationId) : undefined;
}

/** A web chat past consent that asked to continue on WhatsApp at `phone`: the code it shows. */
async function webAsksWhatsApp(
  phone: string,
  s: TestServer = server,
): Promise<{ chat: Started; code: string; text: string }> {
  const chat = await start(s.url);
  await say(s.url, chat.conversationId, chat.token, 'yes');
  await say(s.url, chat.conversationId, chat.token, 'continue on WhatsApp');
  const asked = await say(s.url, chat.conversationId, chat.token, phone.slice(2));
  const text = textOf(asked.messages);
  const code = /\b(\d{6})\b/.exec(text)?.[1] ?? '';
  expect(code).toMatch(/^\d{6}$/);
  return { chat, code, text };
}

describe('linking a conversation to a WhatsApp that is not the one given', () => {
  it('a code sent from another WhatsApp number links nothing; the given number still can', async () => {
    const victim = newPhone();
    const attacker = newPhone();
    const { chat, code } = await webAsksWhatsApp(victim);
    const tried = await sendWhatsApp(server, { from: attacker, body: code });
    expect(tried.bodies.join('\n')).not.toMatch(/We go on here in WhatsApp/);
    expect((await conversationOf(server, wa(attacker)))?.id).not.toBe(chat.conversationId);
    expect((await server.deps.store.get(chat.conversationId))?.intake.channel).toBe('web');
    // The code itself was good: from the number given, it links.
    const linked = await sendWhatsApp(server, { from: victim, body: code });
    expect(linked.bodies.join('\n')).toMatch(/We go on here in WhatsApp/);
    expect((await conversationOf(server, wa(victim)))?.id).toBe(chat.conversationId);
  });

  it('five wrong guesses end the waiting code: the right one after them links nothing', async () => {
    const phone = newPhone();
    const { chat, code } = await webAsksWhatsApp(phone);
    for (let i = 0; i < 5; i++) {
      const wrong = await sendWhatsApp(server, { from: phone, body: otherCode(code, i) });
      expect(wrong.bodies.join('\n')).toMatch(/code is not right/);
    }
    expect((await server.deps.sms.getLine(wa(phone)))?.pending).toBeUndefined();
    const late = await sendWhatsApp(server, { from: phone, body: code });
    expect(late.bodies.join('\n')).not.toMatch(/We go on here in WhatsApp/);
    expect((await server.deps.store.get(chat.conversationId))?.intake.channel).toBe('web');
  });

  it('a code left waiting after the conversation was erased links nothing and brings nothing back', async () => {
    const phone = newPhone();
    const { chat, code } = await webAsksWhatsApp(phone);
    await say(server.url, chat.conversationId, chat.token, 'delete my data');
    const erased = await say(server.url, chat.conversationId, chat.token, 'yes');
    expect(erased.state.done).toBe(true);
    expect(await server.deps.store.get(chat.conversationId)).toBeUndefined();
    const tried = await sendWhatsApp(server, { from: phone, body: code });
    expect(tried.bodies.join('\n')).not.toMatch(/We go on here in WhatsApp/);
    expect(await server.deps.store.get(chat.conversationId)).toBeUndefined();
    expect((await server.deps.sms.getLine(wa(phone)))?.conversationId).toBeUndefined();
    expect((await server.deps.sms.getLine(wa(phone)))?.pending).toBeUndefined();
  });

  it('a code older than 30 minutes links nothing', async () => {
    const phone = newPhone();
    const { chat, code } = await webAsksWhatsApp(phone);
    clock = new Date(START.getTime() + 31 * 60_000);
    try {
      const late = await sendWhatsApp(server, { from: phone, body: code });
      expect(late.bodies.join('\n')).not.toMatch(/We go on here in WhatsApp/);
      expect((await server.deps.store.get(chat.conversationId))?.intake.channel).toBe('web');
    } finally {
      clock = START;
    }
  });

  it('a replayed MessageSid of the code gets the same reply and links once, no code in the stored reply', async () => {
    const phone = newPhone();
    const { chat, code } = await webAsksWhatsApp(phone);
    const sid = newSid();
    const first = await sendWhatsApp(server, { from: phone, body: code, sid });
    const again = await sendWhatsApp(server, { from: phone, body: code, sid });
    expect(again.bodies).toEqual(first.bodies);
    const conversation = await server.deps.store.get(chat.conversationId);
    expect(conversation?.transcript.filter((e) => e.text === '[code]')).toHaveLength(1);
    expect(JSON.stringify(await server.deps.sms.getLine(wa(phone)))).not.toContain(code);
  });

  it('someone who types the victim’s number in a chat of their own does not spoil the victim’s code', async () => {
    const victim = newPhone();
    const { chat, code } = await webAsksWhatsApp(victim);
    // The abuser knows the number and asks for a code of their own for it.
    await webAsksWhatsApp(victim);
    const linked = await sendWhatsApp(server, { from: victim, body: code });
    expect(linked.bodies.join('\n')).toMatch(/We go on here in WhatsApp/);
    expect((await conversationOf(server, wa(victim)))?.id).toBe(chat.conversationId);
  });
});

describe('keeping a victim from moving to WhatsApp', () => {
  it('three codes asked for the victim’s number by someone else in the hour do not stop the victim’s own', async () => {
    const victim = newPhone();
    for (let i = 0; i < 3; i++) await webAsksWhatsApp(victim);
    const { chat, code } = await webAsksWhatsApp(victim);
    const linked = await sendWhatsApp(server, { from: victim, body: code });
    expect(linked.bodies.join('\n')).toMatch(/We go on here in WhatsApp/);
    expect((await conversationOf(server, wa(victim)))?.id).toBe(chat.conversationId);
  });
});

describe('learning whether a number wrote to the firm', () => {
  it('"continue on WhatsApp" reads the same and sends nothing whether or not the number has a WhatsApp conversation', async () => {
    const known = newPhone();
    const unknown = newPhone();
    await sendWhatsApp(server, { from: known, body: 'hello' });
    await sendWhatsApp(server, { from: known, body: 'yes' });
    const before = server.outbox.length;
    const a = await webAsksWhatsApp(known);
    const b = await webAsksWhatsApp(unknown);
    const shape = (text: string, code: string, phone: string) =>
      text.replaceAll(code, 'CODE').replaceAll(phone.slice(-4), 'NNNN');
    expect(shape(a.text, a.code, known)).toBe(shape(b.text, b.code, unknown));
    expect(server.outbox.length).toBe(before);
    // The known number's conversation is untouched by someone else's request.
    expect((await conversationOf(server, wa(known)))?.intake.step).toBe('matter');
  });

  it('"continue on WhatsApp" for a number whose WhatsApp said STOP reads as for any number and sends nothing', async () => {
    const stopped = newPhone();
    const fresh = newPhone();
    await sendWhatsApp(server, { from: stopped, body: 'hello' });
    await sendWhatsApp(server, { from: stopped, body: 'STOP' });
    const before = server.outbox.length;
    const a = await webAsksWhatsApp(stopped);
    const b = await webAsksWhatsApp(fresh);
    const shape = (text: string, code: string, phone: string) =>
      text.replaceAll(code, 'CODE').replaceAll(phone.slice(-4), 'NNNN');
    expect(shape(a.text, a.code, stopped)).toBe(shape(b.text, b.code, fresh));
    expect(server.outbox.length).toBe(before);
    expect((await server.deps.sms.getLine(wa(stopped)))?.optedOut).toBe(true);
  });

  it('a six-digit message from a number with no waiting code is an ordinary first message', async () => {
    const phone = newPhone();
    const reply = await sendWhatsApp(server, { from: phone, body: '123456' });
    expect(reply.status).toBe(200);
    expect(reply.bodies.join('\n')).not.toMatch(/code/i);
    expect((await conversationOf(server, wa(phone)))?.intake.step).toBe('consent');
  });
});

describe('reading earlier answers by WhatsApp', () => {
  it('a web intake linked at its closing summary shows no A-number by WhatsApp', async () => {
    const phone = newPhone();
    const chat = await start(server.url);
    let state = chat.state;
    const answers: Record<string, string> = { ...RESIDENT, phone: phone.slice(2) };
    for (let i = 0; i < 80 && state.step !== 'confirm'; i++) {
      const answer = answers[state.step];
      if (answer === undefined) throw new Error(`no answer for ${state.step}`);
      state = (await say(server.url, chat.conversationId, chat.token, answer)).state;
    }
    expect(state.step).toBe('confirm');
    const asked = await say(server.url, chat.conversationId, chat.token, 'continue on WhatsApp');
    const code = /\b(\d{6})\b/.exec(textOf(asked.messages))?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const linked = await sendWhatsApp(server, { from: phone, body: code });
    const all = linked.bodies.join('\n');
    expect(all).toMatch(/We go on here in WhatsApp/);
    // The summary is shown, its A-number and arrests held back as by SMS.
    expect(all).toMatch(/A-number: \(provided, not shown here\)/);
    expect(all).not.toContain('123456789');
    expect(all).not.toMatch(/A-?123/i);
  });

  it('the web link asked for by WhatsApp opens at the pending question with no earlier answer', async () => {
    const phone = newPhone();
    await sendWhatsApp(server, { from: phone, body: 'hello' });
    await sendWhatsApp(server, { from: phone, body: 'yes' });
    await sendWhatsApp(server, { from: phone, body: '2' });
    await sendWhatsApp(server, { from: phone, body: 'Elena Quispe-Zamora is my name' });
    const web = await sendWhatsApp(server, { from: phone, body: 'web' });
    const link = /amparo\.test\/\?continue=([^\s]+)/.exec(web.bodies.join('\n'))?.[1] ?? '';
    const opened = await openWebLink(server.url, link);
    expect(opened.status).toBe(200);
    const body = await opened.json();
    const read = await fetch(`${server.url}/api/conversations/${body.conversationId}`, {
      headers: { authorization: `Bearer ${body.token}` },
    }).then((r) => r.json());
    expect(JSON.stringify(read)).not.toContain('Quispe');
    expect(JSON.stringify(body)).not.toContain('Quispe');
    // Used once: the same link again opens nothing.
    const again = await openWebLink(server.url, link);
    expect(again.status).toBe(403);
  });
});

describe('getting the firm to write to a WhatsApp that is not safe', () => {
  /** A WhatsApp conversation whose client said it is not safe to contact, taken over. */
  async function unsafeConversation(s: TestServer, phone: string) {
    for (const text of ['hello', 'yes', '2', '1', 'no']) {
      await sendWhatsApp(s, { from: phone, body: text });
    }
    const line = await s.deps.sms.getLine(wa(phone));
    const conversation = await s.deps.store.get(line?.conversationId ?? '');
    if (!conversation) throw new Error('no conversation');
    conversation.intake.answers.safeToContact = 'no';
    await s.deps.store.save({ ...conversation, version: conversation.version + 1 });
    return conversation.id;
  }

  it('a takeover two hours after the client’s last message sends nothing to a number not safe to contact (as by SMS after 15 minutes)', async () => {
    const phone = newPhone();
    const id = await unsafeConversation(server, phone);
    clock = new Date(START.getTime() + 2 * 60 * 60_000);
    try {
      const ana = await signInAs(server, 'ana.robles@example.com');
      const before = server.outbox.length;
      const res = await staffApi(server, ana, `/conversations/${id}/takeover`, { body: {} });
      expect(res.status).toBe(200);
      expect(server.outbox.slice(before).filter((m) => m.to.includes(phone))).toEqual([]);
    } finally {
      clock = START;
    }
  });

  it('after 24 hours a configured template does not carry a staff message to a number not safe to contact', async () => {
    const phone = newPhone();
    const id = await unsafeConversation(templated, phone);
    const ana = await signInAs(templated, 'ana.robles@example.com');
    expect(
      (await staffApi(templated, ana, `/conversations/${id}/takeover`, { body: {} })).status,
    ).toBe(200);
    clock = new Date(START.getTime() + 25 * 60 * 60_000);
    try {
      const session = await signInAs(templated, 'ana.robles@example.com');
      const before = templated.outbox.length;
      const res = await staffApi(templated, session, `/conversations/${id}/messages`, {
        body: { text: 'Please call the office.' },
      });
      expect(res.status).toBe(200);
      expect(templated.outbox.slice(before).filter((m) => m.to.includes(phone))).toEqual([]);
    } finally {
      clock = START;
    }
  });

  it('after STOP on WhatsApp an attorney’s acceptance goes nowhere, not by SMS either', async () => {
    const phone = newPhone();
    await textIntake(server, wa(phone), RESIDENT, 'hi');
    const line = await server.deps.sms.getLine(wa(phone));
    const conversation = await server.deps.store.get(line?.conversationId ?? '');
    const lead = await server.deps.delivery?.leads.get(conversation?.intake.leadId ?? '');
    const answer = server.deps.staff?.answer;
    if (!lead || !answer) throw new Error('no lead');
    expect(lead.contact.safeToContact).toBe('yes');
    await sendWhatsApp(server, { from: phone, body: 'STOP' });
    const before = server.outbox.length;
    expect((await acceptLead(answer, lead, lead.routing.attorneyId ?? 'intake')).result).toBe(
      'accepted',
    );
    expect(server.outbox.slice(before).filter((m) => m.to.includes(phone))).toEqual([]);
  });
});

describe('getting the firm to write to a number only typed', () => {
  /** Texts `answers` by WhatsApp from `address` until the step `until` or the intake's end. */
  async function textUntil(
    s: TestServer,
    address: string,
    answers: Record<string, string>,
    until: string,
  ) {
    for (let i = 0; i < 80; i++) {
      const conversation = await conversationOf(s, address);
      const step = conversation?.intake.step;
      if (step === until || conversation?.intake.status !== 'active') return;
      const answer = answers[step ?? ''];
      if (answer === undefined) throw new Error(`no answer for ${step}`);
      await sendWhatsApp(s, { from: address, body: answer });
    }
    throw new Error(`never reached ${until}`);
  }

  /**
   * An abuser's WhatsApp intake whose phone, at the closing summary, is changed to the victim's
   * number; the victim never wrote, but a code asked for their number in a web chat made their
   * WhatsApp line. Returns the lead.
   */
  async function abuserLead(abuser: string, victim: string) {
    await webAsksWhatsApp(victim);
    await sendWhatsApp(server, { from: abuser, body: 'hi' });
    await textUntil(server, wa(abuser), RESIDENT, 'confirm');
    const edit = await sendWhatsApp(server, { from: abuser, body: '2' });
    const n = /(\d+)\. Phone:/.exec(edit.bodies.join('\n'))?.[1] ?? '';
    expect(n).toMatch(/^\d+$/);
    await sendWhatsApp(server, { from: abuser, body: n });
    await sendWhatsApp(server, { from: abuser, body: victim.slice(2) });
    await textUntil(server, wa(abuser), RESIDENT, 'end');
    const conversation = await conversationOf(server, wa(abuser));
    expect(conversation?.intake.status).toBe('qualified');
    const lead = await server.deps.delivery?.leads.get(conversation?.intake.leadId ?? '');
    if (!lead) throw new Error('no lead');
    expect(lead.channel).toBe('whatsapp');
    expect(lead.contact.phone).toBe(victim);
    expect(lead.phoneProven).toBe(false);
    return lead;
  }

  it('an acceptance of a WhatsApp lead whose phone was changed to another number sends nothing to that number', async () => {
    const victim = newPhone();
    const lead = await abuserLead(newPhone(), victim);
    const answer = server.deps.staff?.answer;
    if (!answer) throw new Error('no staff');
    const before = server.outbox.length;
    expect((await acceptLead(answer, lead, lead.routing.attorneyId ?? 'intake')).result).toBe(
      'accepted',
    );
    expect(server.outbox.slice(before).filter((m) => m.to.includes(victim))).toEqual([]);
  });

  it('no hearing reminders are offered or sent to a number only typed in a WhatsApp intake', async () => {
    const abuser = newPhone();
    const victim = newPhone();
    const lead = await abuserLead(abuser, victim);
    // The intake ended without offering reminders by text: the phone is not the WhatsApp's own.
    expect((await conversationOf(server, wa(abuser)))?.intake.step).not.toBe('reminders');
    expect(lead.reminders).toBeUndefined();
    await sendWhatsApp(server, { from: abuser, body: 'yes' });
    expect((await server.deps.delivery?.leads.get(lead.leadId))?.reminders).toBeUndefined();
    const before = server.outbox.length;
    // A week before the hearing of 3 March 2027, at 10:00 in California.
    clock = new Date('2027-02-24T18:01:00Z');
    try {
      if (!server.deps.reminders) throw new Error('no reminders');
      await sendDueReminders(server.deps.reminders);
    } finally {
      clock = START;
    }
    expect(server.outbox.slice(before).filter((m) => m.to.includes(victim))).toEqual([]);
  });
});

describe('erasing a conversation that moved from SMS to WhatsApp', () => {
  it('"delete my data" by WhatsApp erases it, the WhatsApp line lets go, and the next SMS starts anew', async () => {
    const phone = newPhone();
    await sendSms(server, { from: phone, body: 'hello' });
    await sendSms(server, { from: phone, body: 'yes' });
    await sendSms(server, { from: phone, body: '2' });
    const asked = await sendSms(server, { from: phone, body: 'continue on WhatsApp' });
    const code = /\b(\d{6})\b/.exec(asked.bodies.join('\n'))?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const linked = await sendWhatsApp(server, { from: phone, body: code });
    expect(linked.bodies.join('\n')).toMatch(/We go on here in WhatsApp/);
    const id = (await server.deps.sms.getLine(wa(phone)))?.conversationId ?? '';
    expect(id).not.toBe('');
    await sendWhatsApp(server, { from: phone, body: 'delete my data' });
    await sendWhatsApp(server, { from: phone, body: 'yes' });
    expect(await server.deps.store.get(id)).toBeUndefined();
    expect((await server.deps.sms.getLine(wa(phone)))?.conversationId).toBeUndefined();
    const next = await sendSms(server, { from: phone, body: 'hello' });
    expect(next.status).toBe(200);
    const fresh = await conversationOf(server, phone);
    expect(fresh?.id).not.toBe(id);
    expect(fresh?.intake.step).toBe('consent');
  });
});

describe('floods and logs', () => {
  it('a flood of voice notes is rate limited like text, and stores no conversation', async () => {
    const limited = await startTestServer({ now: () => clock, limits: true });
    try {
      const phone = newPhone();
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        statuses.push(
          (await sendWhatsApp(limited, { from: phone, body: '', media: 'voice' })).status,
        );
      }
      expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
      expect(statuses).toContain(429);
      expect((await limited.deps.sms.getLine(wa(phone)))?.conversationId).toBeUndefined();
    } finally {
      await limited.close();
    }
  });

  it('the logs of a WhatsApp intake and a linking hold no phone number, code or message text', async () => {
    const phone = newPhone();
    const from = server.logs.length;
    await textIntake(server, wa(phone), RESIDENT, 'hi my name is Rosa Quintanilla');
    const { code } = await webAsksWhatsApp(newPhone());
    const logs = server.logs.slice(from).join('\n');
    expect(logs).not.toContain(phone.slice(2));
    expect(logs).not.toContain('whatsapp:+');
    expect(logs).not.toContain('Quintanilla');
    expect(logs).not.toContain('123456789');
    expect(logs).not.toContain(code);
  });
});
