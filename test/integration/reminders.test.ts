/**
 * Hearing reminders end to end on DynamoDB Local (DOMAIN.md "Hearing reminders"): offered by
 * text at the end of a Spanish SMS intake, a yes stored on the lead, "me cambiaron la fecha"
 * moving them and telling the attorney (an [UPDATED] lead email), two workers racing over the
 * same due reminder sending it once, and a STOP after the yes stopping the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../functions/core/leads/delivery';
import type { Lead } from '../../functions/core/leads/lead';
import { sendDueReminders } from '../../functions/core/reminders/send';
import { startDeliveryWorker } from '../../functions/local/delivery-worker';
import { reminderLines } from '../../scripts/reminders';
import { answerIntake, say } from '../helpers/http';
import { RESIDENT, RESIDENT_ES } from '../helpers/intake';
import { startTestServer, type TestServer } from '../helpers/server';
import { sendSms, textIntake } from '../helpers/sms';

let server: TestServer;
// Monday 7 December 2026, 10:00 in California.
let clock = new Date('2026-12-07T18:00:00Z');
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

const PHONE = '+12133735501';

// Her hearing's time said with its date: the reminders say it too.
const SPANISH = {
  ...RESIDENT_ES,
  nextHearingDate: '14 de enero de 2027 a las 8:30 de la mañana',
};

async function theLead(): Promise<Lead> {
  const line = await server.deps.sms.getLine(PHONE);
  const conversation = await server.deps.store.get(line?.conversationId ?? '');
  const lead = await server.deps.delivery?.leads.get(conversation?.intake.leadId ?? '');
  if (!lead) throw new Error('no lead');
  return lead;
}

const reminders = () => {
  if (!server.deps.reminders) throw new Error('no reminders deps');
  return server.deps.reminders;
};
const textsTo = (phone: string) => server.outbox.filter((m) => m.to === phone);

describe('hearing reminders by text', () => {
  it('are offered at the end of the intake, and a yes schedules them on the lead', async () => {
    const received = await textIntake(server, PHONE, SPANISH, 'hola necesito ayuda con mi corte');
    const offer = received.join('\n');
    expect(offer).toMatch(/recordatorios de la audiencia del jueves, 14 de enero de 2027/);
    const yes = await sendSms(server, { from: PHONE, body: 'si' });
    expect(yes.bodies.join('\n')).toMatch(/recordatorios estan activados/);
    expect(yes.bodies.join('\n')).toMatch(/PARAR/);
    const lead = await theLead();
    expect(lead.reminders?.consent).toMatchObject({ given: true, language: 'es', channel: 'sms' });
    expect(lead.reminders?.consent.version).toBe(server.deps.content.flow.remindersVersion);
    expect(lead.reminders?.hearing).toEqual({
      date: '2027-01-14',
      time: '08:30',
      court: 'San Diego',
    });
    expect(lead.reminders?.items.map((r) => [r.kind, r.via, r.at])).toEqual([
      ['week', 'sms', '2027-01-07T18:00:00.000Z'],
      ['day', 'sms', '2027-01-13T18:00:00.000Z'],
      ['morning', 'sms', '2027-01-14T16:00:00.000Z'],
    ]);
    // What `npm run reminders -- --list` prints: the firm's clock, soonest first.
    const waiting = await server.deps.delivery?.leads.listReminding?.(new Date('9999-12-31'));
    const lines = reminderLines(waiting ?? [], server.deps.content.firm.timeZone);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^2027-01-07 10:00\s+week\s+sms\s+scheduled\s+2027-01-14\s+\S+$/);
    expect(lines[2]).toMatch(/^2027-01-14 08:00\s+morning/);
    // The lead goes to its attorney as usual.
    if (server.deps.delivery) await deliverDue(server.deps.delivery);
    expect(server.emails.length).toBeGreaterThan(0);
  });

  it('goes out once when two workers race over it, and not again after a restart', async () => {
    clock = new Date('2027-01-07T18:00:20Z');
    const before = textsTo(PHONE).length;
    const passes = await Promise.all([
      sendDueReminders(reminders()),
      sendDueReminders(reminders()),
    ]);
    expect(passes.reduce((n, p) => n + p.sent, 0)).toBe(1);
    // A worker starting again later finds it sent.
    clock = new Date('2027-01-07T18:05:00Z');
    expect((await sendDueReminders(reminders())).sent).toBe(0);
    const sent = textsTo(PHONE).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatch(/en 7 dias, jueves, 14 de enero de 2027, 8:30 a\.m\./);
    expect(sent[0]?.body).toMatch(/1-800-898-7180/);
    expect(sent[0]?.body).toMatch(/EOIR-33/);
    const week = (await theLead()).reminders?.items.find((r) => r.kind === 'week');
    expect(week).toMatchObject({ status: 'sent', sentAt: '2027-01-07T18:00:20.000Z' });
  });

  it('"me cambiaron la fecha" asks for the new date, moves the reminders and tells the attorney', async () => {
    clock = new Date('2027-01-08T17:00:00Z');
    const emailsBefore = server.emails.length;
    const asked = await sendSms(server, { from: PHONE, body: 'me cambiaron la fecha de la corte' });
    expect(asked.bodies.join('\n')).toMatch(/Cual es la nueva fecha de la audiencia/);
    const moved = await sendSms(server, { from: PHONE, body: 'el 15 de abril' });
    expect(moved.bodies.join('\n')).toMatch(/nueva fecha, jueves, 15 de abril de 2027/);
    const lead = await theLead();
    expect(lead.facts.nextHearingDate).toBe('2027-04-15');
    const byDate = (date: string) => lead.reminders?.items.filter((r) => r.hearingDate === date);
    // The client's word: whoever holds the phone could have typed it, so the earlier date's
    // reminders still go out until staff confirm the new date in the console.
    expect(byDate('2027-01-14')?.map((r) => r.status)).toEqual(['sent', 'scheduled', 'scheduled']);
    expect(byDate('2027-04-15')?.map((r) => [r.kind, r.status])).toEqual([
      ['week', 'scheduled'],
      ['day', 'scheduled'],
      ['morning', 'scheduled'],
    ]);
    expect(lead.updates?.at(-1)?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'nextHearingDate',
          before: '2027-01-14',
          after: '2027-04-15',
        }),
      ]),
    );
    // The attorney hears of it: the lead goes again, marked as an update. It is over a week old,
    // past what a worker's pass reads: the local worker delivers it by id when kicked with it,
    // as the table's stream does on AWS.
    const worker = startDeliveryWorker(server.deps, 3_600_000);
    worker.kick(lead.leadId);
    await worker.idle();
    worker.stop();
    const update = server.emails.slice(emailsBefore);
    expect(update.length).toBeGreaterThan(0);
    expect(update[0]?.subject).toMatch(/^\[UPDATED\]/);
    // No new conversation was started by those texts.
    expect((await server.deps.sms.getLine(PHONE))?.conversationId).toBe(lead.conversationId);
  });

  it("staff confirming the date in the console stops the earlier date's reminders", async () => {
    const lead = await theLead();
    const { changeLead } = await import('../../functions/core/staff/leads');
    const staff = server.deps.staff;
    if (!staff) throw new Error('no staff deps');
    const member = {
      email: 'rosa.mendez@example.com',
      name: 'Rosa Mendez',
      role: 'staff' as const,
    };
    await changeLead(staff.leads, lead.leadId, { nextHearingDate: '2027-04-15' }, member);
    // The date the client gave, confirmed: nothing new to plan, the earlier date's stop.
    const after = await theLead();
    expect(
      after.reminders?.items.filter((r) => r.hearingDate === '2027-01-14').map((r) => r.status),
    ).toEqual(['sent', 'cancelled', 'cancelled']);
    expect(
      after.reminders?.items.filter((r) => r.hearingDate === '2027-04-15').map((r) => r.status),
    ).toEqual(['scheduled', 'scheduled', 'scheduled']);
    await changeLead(staff.leads, lead.leadId, { nextHearingDate: '2027-04-16' }, member);
    const moved = await theLead();
    expect(
      moved.reminders?.items
        .filter((r) => r.status === 'scheduled')
        .map((r) => [r.hearingDate, r.kind]),
    ).toEqual([
      ['2027-04-16', 'week'],
      ['2027-04-16', 'day'],
      ['2027-04-16', 'morning'],
    ]);
    await changeLead(staff.leads, lead.leadId, { nextHearingDate: '2027-04-15' }, member);
    expect(
      (await theLead()).reminders?.items
        .filter((r) => r.status === 'scheduled')
        .map((r) => r.hearingDate),
    ).toEqual(['2027-04-15', '2027-04-15', '2027-04-15']);
  });

  it('stops after STOP, and sends nothing more even after START', async () => {
    clock = new Date('2027-04-01T17:00:00Z');
    await sendSms(server, { from: PHONE, body: 'PARAR' });
    await sendSms(server, { from: PHONE, body: 'START' });
    const before = textsTo(PHONE).length;
    clock = new Date('2027-04-08T17:00:30Z'); // the new week reminder's time (10:00 PDT)
    const pass = await sendDueReminders(reminders());
    expect(pass.sent).toBe(0);
    expect(textsTo(PHONE).length).toBe(before);
    const week = (await theLead()).reminders?.items.find(
      (r) => r.hearingDate === '2027-04-15' && r.kind === 'week',
    );
    expect(week).toMatchObject({ status: 'cancelled', reason: 'opted-out' });
  });
});

describe('a number typed in the web chat, as someone else would use it', () => {
  it('gets no text about the hearing: no offer without an email, and a yes typed anyway does nothing', async () => {
    clock = new Date('2026-12-07T18:00:00Z');
    const before = server.outbox.length;
    // Whoever types a stranger's number (RESIDENT's phone is typed, never proven) and no email.
    const { conversationId, token, state, last } = await answerIntake(server.url, RESIDENT);
    expect(state.step).toBe('end');
    expect(last).not.toMatch(/reminder/i);
    await say(server.url, conversationId, token, 'yes');
    const conversation = await server.deps.store.get(conversationId);
    const lead = await server.deps.delivery?.leads.get(conversation?.intake.leadId ?? '');
    expect(lead?.facts.nextHearingDate).toBeDefined();
    expect(lead?.reminders).toBeUndefined();
    expect(server.outbox.slice(before).filter((m) => m.to === lead?.contact.phone)).toEqual([]);
  });
});
