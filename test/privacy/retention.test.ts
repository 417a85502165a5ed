/**
 * Retention (DOMAIN.md "Safety rules", "Privacy"): a lead, its phone's pointer and the qualified
 * conversation it came from are kept for the period the firm configures (`retentionDays`, default
 * 365) after they last changed, and then they are gone: each carries the table's TTL attribute,
 * and since DynamoDB's TTL deletion runs late, every read treats an item past it as absent (here
 * DynamoDB Local never deletes anything, so only the reads stand between a reader and the data).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TTL_ATTRIBUTE } from '../../functions/adapters/keys';
import { acceptLead } from '../../functions/core/leads/accept';
import type { Lead } from '../../functions/core/leads/lead';
import { leadLinks } from '../../functions/core/leads/links';
import { scanTable } from '../faults/inject';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, TEST_LINK_SECRET, type TestServer } from '../helpers/server';
import { sendSms, textIntake } from '../helpers/sms';
import { PII_ANSWERS, webIntake } from './intakes';
import { e164, PERSON } from './pii';

const T0 = new Date('2026-11-25T18:00:00Z');
const DAY = 86_400_000;
const PERIOD = 365;
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const epoch = (date: Date) => Math.floor(date.getTime() / 1000);

let clock = T0;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

const leads = () => {
  if (!server.deps.delivery) throw new Error('no delivery');
  return server.deps.delivery.leads;
};
const item = async (pk: string, sk: string) =>
  (await scanTable(server.client, server.tableName)).find((i) => i.pk === pk && i.sk === sk);

/** A qualified intake by text from PERSON's phone (so the phone is proven and points at it). */
async function textedLead(phone: string) {
  await textIntake(server, phone, { ...PII_ANSWERS, phone }, 'hello');
  const conversationId = (await server.deps.sms.getLine(phone))?.conversationId ?? '';
  const lead = (await leads().listDay('2026-11-25')).find(
    (l) => l.conversationId === conversationId,
  );
  if (!lead) throw new Error('the texted intake made no lead');
  return { conversationId, lead };
}

/** The transcript link's answer, signed at the moved clock (the emailed one lasts 14 days). */
async function viewTranscript(lead: Lead) {
  const who = lead.routing.attorneyId ?? 'intake';
  const { transcript } = leadLinks('', TEST_LINK_SECRET, lead.leadId, who, clock);
  return fetch(`${server.url}${transcript}`);
}

describe('a qualified intake by text', () => {
  const phone = e164(PERSON.phone);
  let conversationId = '';
  let lead: Lead;
  beforeAll(async () => {
    clock = T0;
    ({ conversationId, lead } = await textedLead(phone));
  });

  it("is the firm's to keep for its retentionDays, 365 by default", () => {
    expect(server.deps.content.firm.retentionDays).toBe(PERIOD);
    expect(lead.phoneProven).toBe(true);
  });

  it('stores the conversation, the lead and the phone pointer each with a TTL within the period', async () => {
    const conversation = await item(`CONV#${conversationId}`, 'CONV');
    const stored = await item(`LEAD#${lead.leadId}`, 'LEAD');
    const pointer = await item(`PHONE#${phone}`, 'LEAD');
    expect(pointer?.leadId).toBe(lead.leadId);
    // Kept for the period after the last message, which the fixed clock put at T0.
    expect(conversation?.[TTL_ATTRIBUTE]).toBe(epoch(at(PERIOD)));
    expect(stored?.[TTL_ATTRIBUTE]).toBe(epoch(at(PERIOD)));
    // The pointer is read only while a second intake may merge (30 days); never past the lead.
    expect(pointer?.[TTL_ATTRIBUTE]).toBeTypeOf('number');
    expect(Number(pointer?.[TTL_ATTRIBUTE])).toBeLessThanOrEqual(epoch(at(PERIOD)));
  });

  it('is all readable on day 364', async () => {
    clock = at(PERIOD - 1);
    expect((await server.deps.store.get(conversationId))?.intake.status).toBe('qualified');
    expect((await leads().get(lead.leadId))?.leadId).toBe(lead.leadId);
    expect((await leads().listDay('2026-11-25')).map((l) => l.leadId)).toContain(lead.leadId);
    const page = await viewTranscript(lead);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(PERSON.aNumber);
  });

  it('is gone on day 366 from every read: the lead, its day list, its transcript, its phone', async () => {
    clock = at(PERIOD + 1);
    expect(await server.deps.store.get(conversationId)).toBeUndefined();
    expect(await leads().get(lead.leadId)).toBeUndefined();
    expect((await leads().listDay('2026-11-25')).map((l) => l.leadId)).not.toContain(lead.leadId);
    expect(await leads().openLeadOf(phone, clock)).toBeUndefined();
    expect((await viewTranscript(lead)).status).toBe(404);
    // The line still points at the expired conversation: a text starts a new one from nothing.
    const reply = await sendSms(server, { from: phone, body: 'hello' });
    expect(reply.bodies.join('\n')).toMatch(/intake assistant/);
    const line = await server.deps.sms.getLine(phone);
    expect(line?.conversationId).not.toBe(conversationId);
    const fresh = await server.deps.store.get(line?.conversationId ?? '');
    expect(JSON.stringify(fresh)).not.toContain(PERSON.name);
  });
});

describe('a qualified web intake', () => {
  it('keeps its lead and transcript until the period ends, though the browser token ends long before', async () => {
    clock = T0;
    const answers = { ...PII_ANSWERS, phone: '(213) 373-4902' };
    const { id, state } = await webIntake(server.url, { answers });
    expect(state.done).toBe(true);
    const lead = (await leads().listDay('2026-11-25')).find((l) => l.conversationId === id);
    if (!lead) throw new Error('the web intake made no lead');
    clock = at(PERIOD - 1);
    expect((await server.deps.store.get(id))?.intake.status).toBe('qualified');
    expect((await viewTranscript(lead)).status).toBe(200);
    clock = at(PERIOD + 1);
    expect(await server.deps.store.get(id)).toBeUndefined();
    expect(await leads().get(lead.leadId)).toBeUndefined();
    expect((await viewTranscript(lead)).status).toBe(404);
  });
});

describe('a lead that changes after it was made', () => {
  it('is kept for the period after its last change: accepted on day 300, it lasts until day 665', async () => {
    clock = T0;
    const phone = '+12133734903';
    const { conversationId, lead } = await textedLead(phone);
    clock = at(300);
    if (!server.deps.delivery) throw new Error('no delivery');
    const deps = { ...server.deps, delivery: server.deps.delivery };
    const { result } = await acceptLead(deps, lead, lead.routing.attorneyId ?? 'intake');
    expect(result).toBe('accepted');
    expect((await item(`LEAD#${lead.leadId}`, 'LEAD'))?.[TTL_ATTRIBUTE]).toBe(
      epoch(at(300 + PERIOD)),
    );
    clock = at(PERIOD + 1);
    expect((await leads().get(lead.leadId))?.status).toBe('accepted');
    // The transcript is kept for the period after the client's last message, not the firm's.
    expect(await server.deps.store.get(conversationId)).toBeUndefined();
    clock = at(300 + PERIOD + 1);
    expect(await leads().get(lead.leadId)).toBeUndefined();
  });
});

describe('what the retention leaves alone', () => {
  it('an opted-out line never expires, so STOP stays honoured', async () => {
    clock = T0;
    const phone = '+12133734904';
    await textIntake(server, phone, { ...RESIDENT, phone }, 'hello');
    await sendSms(server, { from: phone, body: 'STOP' });
    const line = await item(`PHONE#${phone}`, 'LINE');
    expect(line?.optedOut).toBe(true);
    expect(line?.[TTL_ATTRIBUTE]).toBeUndefined();
    clock = at(10 * PERIOD);
    expect((await sendSms(server, { from: phone, body: 'hello' })).bodies).toEqual([]);
  });
});
