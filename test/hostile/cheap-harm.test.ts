/**
 * Cheap harm (DOMAIN.md "Safety rules", "Leads"): fake intakes cost a script nothing. The
 * attacks, over HTTP: web intakes with typed phone numbers fill every attorney's daily cap, so a
 * real client's lead goes to nobody; a flood of "emergencies" from one address pages the on-call
 * attorney for each; one fake emergency nobody accepts pages on-call every 30 minutes, forever.
 * Unproven intakes do not use up caps, and on-call is paged at most once an hour per address and
 * per conversation.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../functions/core/leads/delivery';
import type { Lead } from '../../functions/core/leads/lead';
import { UNLIMITED } from '../../functions/core/rate-limit';
import { createApp } from '../../functions/http/app';
import { type ApiState, say, start } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, type TestServer } from '../helpers/server';
import { textIntake } from '../helpers/sms';

let server: TestServer;
let clock = new Date('2026-11-25T18:00:00Z').getTime();
const DAY = '2026-11-25';
const ON_CALL = 'oncall@example.com';

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(clock) });
});
afterAll(() => server.close());

const delivery = () => {
  if (!server.deps.delivery) throw new Error('no delivery');
  return server.deps.delivery;
};

/** A web intake with these answers; the lead it made. */
async function webIntake(url: string, answers: Record<string, string>): Promise<Lead> {
  const { conversationId: id, token } = await start(url);
  let state: ApiState = { step: 'consent', done: false, language: 'en' };
  for (let i = 0; i < 80 && !state.done; i++) {
    state = (await say(url, id, token, answers[state.step] ?? 'no')).state;
  }
  const lead = (await delivery().leads.listDay(DAY)).find((l) => l.conversationId === id);
  if (!lead) throw new Error('no lead');
  return lead;
}

/** Every lead email to `address` so far (about one lead, if given). */
const mailTo = (address: string, leadId?: string) =>
  server.emails.filter(
    (m) => m.to.includes(address) && (!leadId || m.headers['X-Amparo-Lead-Id'] === leadId),
  );

describe('fake intakes with typed phones', () => {
  it('do not use up the daily caps a real client needs', async () => {
    // San Diego's attorneys take 4 + 6 + 6 new leads a day: 20 fakes would fill them all.
    for (let i = 0; i < 20; i++) {
      await webIntake(server.url, { ...RESIDENT, phone: `(213) 373-${String(4600 + i)}` });
    }
    await textIntake(server, '+12133734699', RESIDENT, 'hola');
    const line = await server.deps.sms.getLine('+12133734699');
    const real = (await delivery().leads.listDay(DAY)).find(
      (l) => l.conversationId === line?.conversationId,
    );
    expect(real?.phoneProven).toBe(true);
    expect(real?.routing.attorneyId).not.toBeNull();
    expect(real?.routing.reasons.join('\n')).toMatch(/Daily cap: room for .*\(0 of \d+ today\)/);
  });
});

describe('fake emergencies', () => {
  // A hearing in 5 days makes it an emergency.
  const EMERGENCY = { ...RESIDENT, nextHearingDate: 'November 30, 2026' };

  it('page on-call once an hour from one address, however many are sent', async () => {
    const app = createApp({
      ...server.deps,
      clientAddress: () => '203.0.113.7',
      addressRule: UNLIMITED,
    });
    const attacker = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((done) => attacker.once('listening', () => done()));
    const url = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    try {
      await deliverDue(delivery());
      const before = mailTo(ON_CALL).length;
      const leads: Lead[] = [];
      for (let i = 0; i < 4; i++) {
        leads.push(await webIntake(url, { ...EMERGENCY, phone: `(213) 373-${4700 + i}` }));
      }
      expect(leads.every((l) => l.urgency === 'emergency')).toBe(true);
      await deliverDue(delivery());
      expect(mailTo(ON_CALL).length - before).toBe(1);
      // Every fake still reached an attorney: nothing a real client sends is dropped.
      for (const lead of leads) {
        expect((await delivery().leads.get(lead.leadId))?.delivery.status).toBe('sent');
      }
    } finally {
      await new Promise<void>((done) => attacker.close(() => done()));
    }
  });

  it('page on-call once an hour when each stops right after the phone (the cheapest lead)', async () => {
    // Since issue 14 an emergency's lead is made at the phone, 7 or 8 answers in, and fewer since
    // issue 16 (a first message said back and confirmed answers who and detained: the phone is
    // the 7th): the cheapest fake there is. The hour's hold on paging covers it as it covers a
    // whole intake.
    const app = createApp({
      ...server.deps,
      clientAddress: () => '203.0.113.8',
      addressRule: UNLIMITED,
    });
    const attacker = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((done) => attacker.once('listening', () => done()));
    const url = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    const DETAINED = {
      consent: 'yes',
      matter: 'ICE detained my husband',
      heard: 'yes',
      aboutSelf: 'my husband',
      detained: 'yes',
      facility: 'Otay Mesa',
      name: 'Jose Ramirez',
      writerName: 'Ana Ramirez',
    };
    try {
      clock += 2 * 3_600_000; // past the earlier tests' holds
      await deliverDue(delivery());
      const before = mailTo(ON_CALL).length;
      const leadIds: string[] = [];
      for (let i = 0; i < 4; i++) {
        const { conversationId: id, token } = await start(url);
        let state: ApiState = { step: 'consent', done: false, language: 'en' };
        while (state.step !== 'safeToContact') {
          const answer =
            state.step === 'phone'
              ? `(213) 373-${4800 + i}`
              : DETAINED[state.step as keyof typeof DETAINED];
          if (answer === undefined) throw new Error(`no answer for ${state.step}`);
          state = (await say(url, id, token, answer)).state;
        }
        const conversation = await server.deps.store.get(id);
        leadIds.push(conversation?.intake.leadId ?? '');
      }
      clock += 4 * 60_000; // past the 3-minute hold for "is it safe to call?"
      await deliverDue(delivery());
      expect(mailTo(ON_CALL).length - before).toBe(1);
      for (const leadId of leadIds) {
        expect((await delivery().leads.get(leadId))?.delivery.status).toBe('sent');
      }
    } finally {
      await new Promise<void>((done) => attacker.close(() => done()));
    }
  });

  it('page on-call at most once an hour for one unanswered emergency', async () => {
    clock += 2 * 3_600_000;
    const lead = await webIntake(server.url, { ...EMERGENCY, phone: '(213) 373-4799' });
    await deliverDue(delivery());
    // Nobody accepts it: every 30 minutes it is offered on, for 3 hours.
    for (let i = 0; i < 6; i++) {
      clock += 31 * 60_000;
      await deliverDue(delivery());
    }
    const pages = mailTo(ON_CALL, lead.leadId).length;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(4);
    expect((await delivery().leads.get(lead.leadId))?.offeredTo?.length).toBeGreaterThan(1);
  });
});
