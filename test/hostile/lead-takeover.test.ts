/**
 * Lead takeover (DOMAIN.md "Qualified lead", "Safety rules"): a second intake from the same phone
 * within 30 days updates the open lead, and on the web a phone is only typed. The attack: the
 * victim's intake by text (her phone, proven) says it is not safe to call her and names her
 * abuser; then the abuser, who knows her number, does a web intake with it, says it is safe to
 * call and leaves his own email. The victim's lead must stay hers: only a proven phone merges,
 * an unproven one makes a new lead marked as a possible duplicate for staff, and a merge never
 * makes it safe to call or drops the people to check for conflicts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../functions/core/leads/delivery';
import type { Lead } from '../../functions/core/leads/lead';
import { type ApiState, say, start } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, type TestServer } from '../helpers/server';
import { textIntake } from '../helpers/sms';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => new Date('2026-11-25T18:00:00Z') });
});
afterAll(() => server.close());

const VICTIM = '+12133734501';
const HERS: Record<string, string> = {
  ...RESIDENT,
  fearOfReturn: 'yes',
  adverseParties: 'Blorvex Tannoway',
  safeToContact: 'no',
  safeContactAlternative: 'only by email at work',
  phone: '(213) 373-4501',
};

async function leadsOf(conversationId: string): Promise<Lead[]> {
  const all = (await server.deps.delivery?.leads.listDay('2026-11-25')) ?? [];
  return all.filter((l) => l.conversationId === conversationId);
}

async function webIntake(answers: Record<string, string>) {
  const { conversationId: id, token } = await start(server.url);
  let state: ApiState = { step: 'consent', done: false, language: 'en' };
  while (!state.done) state = (await say(server.url, id, token, answers[state.step] ?? '')).state;
  return id;
}

describe("a web intake that types the victim's number", () => {
  it('makes its own lead, marked as a possible duplicate, and leaves hers as it was', async () => {
    await textIntake(server, VICTIM, HERS, 'hola');
    const line = await server.deps.sms.getLine(VICTIM);
    const hers = (await leadsOf(line?.conversationId ?? ''))[0];
    expect(hers?.contact.safeToContact).toBe('no');
    const before = await server.deps.delivery?.leads.get(hers?.leadId ?? '');

    const his = await webIntake({
      ...RESIDENT,
      phone: '(213) 373-4501',
      safeToContact: 'yes',
      email: 'abuser@example.com',
    });

    const after = await server.deps.delivery?.leads.get(hers?.leadId ?? '');
    expect(after).toEqual(before);
    const made = (await leadsOf(his))[0];
    expect(made?.leadId).not.toBe(hers?.leadId);
    expect(made?.possibleDuplicateOf).toBe(hers?.leadId);
    // Whoever reads its email is told, before calling, that the number has another open lead.
    if (!server.deps.delivery) throw new Error('no delivery');
    await deliverDue(server.deps.delivery);
    const email = server.emails.find((m) => m.headers['X-Amparo-Lead-Id'] === made?.leadId);
    expect(email?.text).toContain(`already has an open lead (${hers?.leadId})`);
    const json = JSON.parse(email?.attachments[0].content ?? '{}');
    expect(json).toMatchObject({ possibleDuplicateOf: hers?.leadId, phoneProven: false });
  });

  it('merges a second intake by text from her own phone, still not safe to call, names kept', async () => {
    const line = await server.deps.sms.getLine(VICTIM);
    const hers = (await leadsOf(line?.conversationId ?? ''))[0];
    await textIntake(
      server,
      VICTIM,
      { ...HERS, fearOfReturn: 'no', safeToContact: 'yes', citizenship: 'Honduras' },
      'hola otra vez',
    );
    const merged = await server.deps.delivery?.leads.get(hers?.leadId ?? '');
    expect(merged?.facts.citizenship).toBe('HN');
    expect(merged?.contact.safeToContact).toBe('no');
    expect(merged?.facts.adverseParties).toContain('Blorvex Tannoway');
  });
});
