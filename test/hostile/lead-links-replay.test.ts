/**
 * The lead links are bearer links: whoever has the email has them, and mail is forwarded,
 * scanned and replayed (DOMAIN.md "Safety rules", "Leads"). The attacks: a decline link replayed
 * moves the lead on again (and mails it to more people each time); the attorney who declined
 * accepts it anyway, or keeps reading the client's transcript after it moved on. Accept and
 * decline work once and only for the lead's current attorney; a view link stops working when
 * the lead moves to someone else. Each recipient's email has links signed for it: the on-call
 * address's links act as on-call, never as the attorney, and only while it is sent the lead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../functions/core/leads/delivery';
import type { Lead } from '../../functions/core/leads/lead';
import { leadLinks } from '../../functions/core/leads/links';
import { type ApiState, say, start } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, TEST_LINK_SECRET, type TestServer } from '../helpers/server';

let server: TestServer;
const clock = new Date('2026-11-25T18:00:00Z');
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

const delivery = () => {
  if (!server.deps.delivery) throw new Error('no delivery');
  return server.deps.delivery;
};
const leads = () => delivery().leads;

async function qualifiedLead(phone: string, more: Record<string, string> = {}): Promise<Lead> {
  const { conversationId: id, token } = await start(server.url);
  let state: ApiState = { step: 'consent', done: false, language: 'en' };
  const answers: Record<string, string> = { ...RESIDENT, ...more, phone };
  while (!state.done) state = (await say(server.url, id, token, answers[state.step] ?? '')).state;
  const lead = (await leads().listDay('2026-11-25')).find((l) => l.conversationId === id);
  if (!lead) throw new Error('no lead');
  return lead;
}

/** The links of the email as it went to `lead`'s current attorney. */
const linksOf = (lead: Lead) =>
  leadLinks('', TEST_LINK_SECRET, lead.leadId, lead.routing.attorneyId ?? 'intake', clock);

const post = (path: string) => fetch(`${server.url}${path}`, { method: 'POST' });

describe('replayed and stale lead links', () => {
  it('declines once: a replayed decline moves the lead no further', async () => {
    const lead = await qualifiedLead('(213) 373-4301');
    const first = linksOf(lead);
    expect((await post(first.decline)).status).toBe(200);
    const moved = await leads().get(lead.leadId);
    expect(moved?.routing.attorneyId).not.toBe(lead.routing.attorneyId);

    const replay = await post(first.decline);
    expect(replay.status).toBe(409);
    expect(await replay.text()).toContain('nothing was changed');
    const after = await leads().get(lead.leadId);
    expect(after?.routing).toEqual(moved?.routing);
    expect(after?.version).toBe(moved?.version);
  });

  it('lets the attorney who declined neither accept it nor read it any more', async () => {
    const lead = await qualifiedLead('(213) 373-4302');
    const first = linksOf(lead);
    expect((await fetch(`${server.url}${first.transcript}`)).status).toBe(200);
    expect((await post(first.decline)).status).toBe(200);

    const accept = await post(first.accept);
    expect(accept.status).toBe(409);
    expect((await leads().get(lead.leadId))?.status).toBe('new');
    const view = await fetch(`${server.url}${first.transcript}`);
    expect(view.status).toBe(403);
    expect(await view.text()).not.toContain('Maria');

    // The attorney it went to can take it, once.
    const moved = await leads().get(lead.leadId);
    const next = linksOf(moved as Lead);
    expect((await post(next.accept)).status).toBe(200);
    expect((await leads().get(lead.leadId))?.status).toBe('accepted');
    expect((await post(next.decline)).status).toBe(200);
    expect((await leads().get(lead.leadId))?.status).toBe('accepted');
    expect((await fetch(`${server.url}${next.transcript}`)).status).toBe(200);
  });

  it("signs each recipient's links for that recipient: on-call's accept is on-call's", async () => {
    const lead = await qualifiedLead('(213) 373-4303', { nextHearingDate: 'November 30, 2026' });
    expect(lead.urgency).toBe('emergency');
    const before = server.emails.length;
    await deliverDue(delivery());
    const sent = server.emails
      .slice(before)
      .filter((m) => m.headers['X-Amparo-Lead-Id'] === lead.leadId);
    const onCall = delivery().roster.onCallEmail;
    // One email each: whoever reads the attorney's cannot act as on-call, and the other way round.
    expect(sent.map((m) => m.to)).toEqual([[lead.routing.to[0]], [onCall]]);
    const accept = (m: (typeof sent)[number]) => /\/accept\?sig=\S+/.exec(m.text)?.[0] ?? '';
    expect(accept(sent[0] as (typeof sent)[number])).toContain(`.${lead.routing.attorneyId}.`);
    expect(accept(sent[1] as (typeof sent)[number])).toContain('.on-call.');

    expect(
      (await post(`/leads/${lead.leadId}${accept(sent[1] as (typeof sent)[number])}`)).status,
    ).toBe(200);
    const taken = await leads().get(lead.leadId);
    expect(taken?.acceptedBy?.attorneyId).toBe('on-call');
  });

  it('gives on-call no say over a lead that moved on without it', async () => {
    const lead = await qualifiedLead('(213) 373-4304');
    expect(lead.routing.to).not.toContain(delivery().roster.onCallEmail);
    const forged = leadLinks('', TEST_LINK_SECRET, lead.leadId, 'on-call', clock);
    expect((await post(forged.accept)).status).toBe(409);
    expect((await fetch(`${server.url}${forged.transcript}`)).status).toBe(403);
    expect((await leads().get(lead.leadId))?.status).toBe('new');
  });
});
