/**
 * Staff erase a lead (DOMAIN.md "Safety rules": "staff can erase a lead and everything it points
 * to"): afterwards nothing of it is in the table, not the lead, not the phone's pointer, not any
 * conversation merged into it; the texter's line stays, holding its number and its opt-out only,
 * so STOP stays honoured. Erasing again, or twice at once, is harmless, and the record of who
 * erased it holds ids only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eraseLead } from '../../functions/core/leads/erase';
import type { Lead } from '../../functions/core/leads/lead';
import { scanTable } from '../faults/inject';
import { type ApiState, say, start } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, type TestServer } from '../helpers/server';
import { sendSms, textIntake } from '../helpers/sms';
import { PII_ANSWERS } from './intakes';
import { e164, findPii, PERSON } from './pii';

const T0 = new Date('2026-11-25T18:00:00Z');
let clock = T0;
let server: TestServer;
beforeEach(async () => {
  // A table per test: "nothing of theirs anywhere" is checked on the whole table.
  clock = T0;
  server = await startTestServer({ now: () => clock });
});
afterEach(() => server.close());

const phone = e164(PERSON.phone);
const table = () => scanTable(server.client, server.tableName);
const leads = () => {
  if (!server.deps.delivery) throw new Error('no delivery');
  return server.deps.delivery.leads;
};
const eraseDeps = () => ({ ...server.deps, leads: leads() });
const mentioning = (items: unknown[], text: string) =>
  items.filter((i) => JSON.stringify(i).includes(text));

/** PERSON's intake by text from their own phone; again when `again`, merged into the same lead. */
async function personsLead(again = false): Promise<{ lead: Lead; conversations: string[] }> {
  const conversations: string[] = [];
  for (const first of again ? ['hello', 'hello again'] : ['hello']) {
    await textIntake(server, phone, { ...PII_ANSWERS, phone: PERSON.phone }, first);
    conversations.push((await server.deps.sms.getLine(phone))?.conversationId ?? '');
  }
  const lead = (await leads().listDay('2026-11-25')).find(
    (l) => l.conversationId === conversations.at(-1),
  );
  if (!lead) throw new Error('no lead');
  return { lead, conversations };
}

/** Nothing of PERSON in the table, but the number their own line is keyed by. */
async function expectNothingOfPerson() {
  const items = await table();
  for (const item of items) {
    const { pk, phone: linePhone, ...rest } = item;
    const isLine = pk === `PHONE#${phone}` && item.sk === 'LINE';
    expect(isLine ? linePhone : undefined).toBe(isLine ? phone : undefined);
    expect(findPii(JSON.stringify(isLine ? rest : item)), JSON.stringify(item)).toEqual([]);
  }
  return items;
}

describe('erasing a lead', () => {
  it('leaves nothing of the lead, its pointer or any conversation merged into it', async () => {
    const { lead, conversations } = await personsLead(true);
    // Both intakes went into one lead, which points at the second conversation.
    expect(new Set(conversations).size).toBe(2);
    expect(lead.version).toBeGreaterThan(1);
    const before = await table();
    for (const id of [lead.leadId, ...conversations])
      expect(mentioning(before, id).length).toBeGreaterThan(0);
    expect(before.some((i) => i.pk === `PHONE#${phone}` && i.sk === 'LEAD')).toBe(true);
    expect(findPii(JSON.stringify(before))).toContain(PERSON.name.toLowerCase());

    expect(await eraseLead(eraseDeps(), lead.leadId, 'staff-ana')).toBe('erased');

    const after = await expectNothingOfPerson();
    for (const id of [lead.leadId, ...conversations]) expect(mentioning(after, id)).toEqual([]);
    expect(after.filter((i) => i.sk !== 'LINE')).toEqual([]);
    expect(await leads().get(lead.leadId)).toBeUndefined();
    expect(await leads().openLeadOf(phone, clock)).toBeUndefined();
    const line = await server.deps.sms.getLine(phone);
    expect(line?.conversationId).toBeUndefined();
    expect(line?.recent).toEqual([]);
  });

  it('keeps the line and its opt-out: STOP is still honoured after', async () => {
    const { lead } = await personsLead();
    expect((await sendSms(server, { from: phone, body: 'STOP' })).bodies).toHaveLength(1);
    expect(await eraseLead(eraseDeps(), lead.leadId, 'staff-ana')).toBe('erased');
    await expectNothingOfPerson();
    const line = await server.deps.sms.getLine(phone);
    expect(line?.optedOut).toBe(true);
    expect((await sendSms(server, { from: phone, body: 'hello' })).bodies).toEqual([]);
  });

  it("leaves other people's leads alone", async () => {
    const { conversationId: other, token } = await start(server.url);
    let state: ApiState = { step: 'consent', done: false, language: 'en' };
    while (!state.done)
      state = (await say(server.url, other, token, RESIDENT[state.step] ?? '')).state;
    const { lead } = await personsLead();
    await eraseLead(eraseDeps(), lead.leadId, 'staff-ana');
    const after = await expectNothingOfPerson();
    // Maria's conversation and the lead that names it.
    expect(mentioning(after, other).length).toBe(2);
    expect(JSON.stringify(after)).toContain(RESIDENT.name);
  });

  it('is harmless a second time, and when run twice at once', async () => {
    const { lead } = await personsLead();
    const results = await Promise.all([
      eraseLead(eraseDeps(), lead.leadId, 'staff-ana'),
      eraseLead(eraseDeps(), lead.leadId, 'staff-ben'),
    ]);
    expect(results.sort()).toEqual(['erased', 'not-found']);
    const after = await expectNothingOfPerson();
    expect(await eraseLead(eraseDeps(), lead.leadId, 'staff-ana')).toBe('not-found');
    expect(await table()).toEqual(after);
  });

  it('removes a lead past its retention that TTL has not deleted yet', async () => {
    const { lead } = await personsLead();
    clock = new Date(T0.getTime() + 400 * 86_400_000);
    expect(await leads().get(lead.leadId)).toBeUndefined();
    expect(await eraseLead(eraseDeps(), lead.leadId, 'staff-ana')).toBe('erased');
    await expectNothingOfPerson();
    expect((await table()).filter((i) => i.sk !== 'LINE')).toEqual([]);
  });

  it('records who erased which lead, when, with ids only', async () => {
    const { lead } = await personsLead();
    await eraseLead(eraseDeps(), lead.leadId, 'staff-ana');
    const line = server.logs.find((l) => l.includes('"lead_erased"'));
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      event: 'lead_erased',
      leadId: lead.leadId,
      by: 'staff-ana',
      at: T0.toISOString(),
    });
    expect(findPii(server.logs.join('\n'))).toEqual([]);
  });
});
