/**
 * Messages the firm starts to a client who came by WhatsApp, end to end on DynamoDB Local
 * (API.md "WhatsApp", the 24-hour window): a hearing reminder goes as the approved template when
 * one is configured and by SMS to the safe number when not; a staff member's message in a
 * takeover goes as free text while the client is writing, and after 24 hours of silence as the
 * template, or by SMS, or, with neither allowed, nowhere, the console being told why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptLead } from '../../functions/core/leads/accept';
import { sendDueReminders } from '../../functions/core/reminders/send';
import { RESIDENT, RESIDENT_ES } from '../helpers/intake';
import { startTestServer, type TestServer } from '../helpers/server';
import { sendWhatsApp, textIntake } from '../helpers/sms';
import { signInAs, staffApi } from '../helpers/staff';

// Monday 7 December 2026, 10:00 in California.
let clock = new Date('2026-12-07T18:00:00Z');
const REMINDER_SID = `HX${'2'.repeat(32)}`;
const STAFF_SID = `HX${'3'.repeat(32)}`;

let withTemplates: TestServer;
let without: TestServer;
beforeAll(async () => {
  withTemplates = await startTestServer({
    now: () => clock,
    whatsAppTemplates: { 'reminder.es': REMINDER_SID, 'staffMessage.en': STAFF_SID },
  });
  without = await startTestServer({ now: () => clock });
});
afterAll(async () => {
  await withTemplates.close();
  await without.close();
});

const SPANISH = { ...RESIDENT_ES, nextHearingDate: '14 de enero de 2027' };

async function leadOf(server: TestServer, address: string) {
  const line = await server.deps.sms.getLine(address);
  const conversation = await server.deps.store.get(line?.conversationId ?? '');
  return server.deps.delivery?.leads.get(conversation?.intake.leadId ?? '');
}

async function remindersFor(server: TestServer, phone: string) {
  await textIntake(server, `whatsapp:${phone}`, SPANISH, 'hola necesito ayuda con mi corte');
  const yes = await sendWhatsApp(server, { from: phone, body: 'si' });
  expect(yes.bodies.join('\n')).toMatch(/recordatorios están activados/);
  const lead = await leadOf(server, `whatsapp:${phone}`);
  expect(lead?.channel).toBe('whatsapp');
  expect(lead?.reminders?.whatsapp).toBe(true);
  // A week before the hearing, the first one is due.
  clock = new Date('2027-01-07T18:01:00Z');
  if (!server.deps.reminders) throw new Error('no reminders');
  const pass = await sendDueReminders(server.deps.reminders);
  clock = new Date('2026-12-07T18:00:00Z');
  return pass;
}

describe('a hearing reminder to a WhatsApp client', () => {
  it('goes as the approved template, with its variables, to the WhatsApp address', async () => {
    const phone = '+12133736601';
    const pass = await remindersFor(withTemplates, phone);
    expect(pass.sent).toBe(1);
    const [sent] = withTemplates.outbox.filter((m) => m.template);
    expect(sent).toEqual({
      to: `whatsapp:${phone}`,
      template: {
        sid: REMINDER_SID,
        variables: {
          1: 'Example Immigration Defense',
          2: 'en 7 días, jueves, 14 de enero de 2027, corte de inmigración de San Diego',
        },
      },
      body: expect.stringMatching(/^Recordatorio de Example Immigration Defense: audiencia/),
    });
  });

  it('goes by SMS to the number the client said is safe when no template is set up', async () => {
    const phone = '+12133736602';
    const pass = await remindersFor(without, phone);
    expect(pass.sent).toBe(1);
    const texts = without.outbox.filter((m) => m.to === phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]?.body).toMatch(/Recordatorio de .+: audiencia .+ en 7 dias/);
    expect(texts[0]?.template).toBeUndefined();
  });
});

describe('a staff message to a WhatsApp client in a takeover', () => {
  async function takenOver(server: TestServer, phone: string, answers: Record<string, string>) {
    await sendWhatsApp(server, { from: phone, body: 'hello' });
    for (const text of ['yes', '2', '1', 'no'])
      await sendWhatsApp(server, { from: phone, body: text });
    const line = await server.deps.sms.getLine(`whatsapp:${phone}`);
    const id = line?.conversationId ?? '';
    const conversation = await server.deps.store.get(id);
    // The answer that decides the SMS fallback, set as the intake would have it.
    if (conversation && answers.safeToContact) {
      conversation.intake.answers.safeToContact = answers.safeToContact;
      await server.deps.store.save({ ...conversation, version: conversation.version + 1 });
    }
    const ana = await signInAs(server, 'ana.robles@example.com');
    expect(
      (await staffApi(server, ana, `/conversations/${id}/takeover`, { body: {} })).status,
    ).toBe(200);
    // Signed in again for each message: a session ends 12 hours after sign-in, and these
    // messages come a day apart.
    const write = async (text: string) => {
      const session = await signInAs(server, 'ana.robles@example.com');
      const res = await staffApi(server, session, `/conversations/${id}/messages`, {
        body: { text },
      });
      expect(res.status).toBe(200);
      return res.json();
    };
    return { write };
  }

  it('goes as free text while the client is writing, and as the template after 24 hours', async () => {
    const phone = '+12133736603';
    const { write } = await takenOver(withTemplates, phone, {});
    const now = await write('Hi, this is Ana. Can you talk now?');
    expect(now.delivery).toEqual({ by: 'whatsapp', sent: true, template: false });
    expect(withTemplates.outbox.at(-1)).toMatchObject({
      to: `whatsapp:${phone}`,
      body: expect.stringMatching(/Can you talk now\?/),
    });
    clock = new Date(clock.getTime() + 25 * 60 * 60 * 1000);
    try {
      const later = await write('Ana again: please call the office.');
      expect(later.delivery).toEqual({ by: 'whatsapp', sent: true, template: true });
      expect(withTemplates.outbox.at(-1)).toMatchObject({
        to: `whatsapp:${phone}`,
        template: { sid: STAFF_SID, variables: { 2: expect.stringMatching(/please call/) } },
      });
    } finally {
      clock = new Date('2026-12-07T18:00:00Z');
    }
  });

  it('after 24 hours without a template: by SMS to a safe number, else not sent and the console told why', async () => {
    const safe = '+12133736604';
    const unsafe = '+12133736605';
    const a = await takenOver(without, safe, { safeToContact: 'yes' });
    const b = await takenOver(without, unsafe, {});
    clock = new Date(clock.getTime() + 25 * 60 * 60 * 1000);
    try {
      expect((await a.write('Please call us.')).delivery).toEqual({ by: 'sms', sent: true });
      expect(without.outbox.at(-1)).toMatchObject({ to: safe });
      const before = without.outbox.length;
      expect((await b.write('Please call us.')).delivery).toEqual({
        by: 'whatsapp',
        sent: false,
        why: 'no-template',
      });
      expect(without.outbox.length).toBe(before);
    } finally {
      clock = new Date('2026-12-07T18:00:00Z');
    }
  });
});

describe('an attorney accepting a WhatsApp lead', () => {
  it('tells the client by SMS at a safe number when no acceptance template is set up', async () => {
    const phone = '+12133736606';
    await textIntake(without, `whatsapp:${phone}`, RESIDENT, 'hi');
    const lead = await leadOf(without, `whatsapp:${phone}`);
    const answer = without.deps.staff?.answer;
    if (!lead || !answer) throw new Error('no lead');
    const before = without.outbox.length;
    const done = await acceptLead(answer, lead, lead.routing.attorneyId ?? 'intake');
    expect(done.result).toBe('accepted');
    expect(without.outbox.slice(before)).toEqual([
      {
        to: phone,
        body: expect.stringMatching(/an attorney received your information/),
      },
    ]);
  });

  it('tells the client by the acceptance template when one is set up, in their language', async () => {
    const phone = '+12133736607';
    const server = await startTestServer({
      now: () => clock,
      whatsAppTemplates: { 'accepted.en': STAFF_SID },
    });
    try {
      await textIntake(server, `whatsapp:${phone}`, RESIDENT, 'hi');
      const lead = await leadOf(server, `whatsapp:${phone}`);
      const answer = server.deps.staff?.answer;
      if (!lead || !answer) throw new Error('no lead');
      const before = server.outbox.length;
      await acceptLead(answer, lead, lead.routing.attorneyId ?? 'intake');
      expect(server.outbox.slice(before)).toEqual([
        {
          to: `whatsapp:${phone}`,
          template: { sid: STAFF_SID, variables: { 1: 'Example Immigration Defense' } },
          body: expect.stringMatching(/an attorney received your information/),
        },
      ]);
    } finally {
      await server.close();
    }
  });
});
