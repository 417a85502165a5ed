/**
 * The staff console's API over real HTTP against DynamoDB Local (API.md "Staff"): sign-in by a
 * one-time emailed link, the session cookie, 401 without it, 403 for a change from another
 * origin, the leads board and a lead's page with its transcript, status, notes, reassignment,
 * the audit trail, roles, and sign-out ending the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../functions/core/calendar';
import { answerIntake } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, TEST_PUBLIC_BASE_URL, type TestServer } from '../helpers/server';

let server: TestServer;
let leadId: string;
beforeAll(async () => {
  server = await startTestServer();
  // A real intake to a lead: the board shows what a client's conversation made.
  const started = await answerIntake(server.url, RESIDENT);
  const today = todayIn(new Date(), server.deps.content.firm.timeZone);
  const leads = (await server.deps.delivery?.leads.listDay(today)) ?? [];
  leadId = leads.find((l) => l.conversationId === started.conversationId)?.leadId ?? '';
  expect(leadId).not.toBe('');
});
afterAll(() => server.close());

const ORIGIN = new URL(TEST_PUBLIC_BASE_URL).origin;
const ANA = 'ana.robles@example.com'; // an attorney of the example roster
const ROSA = 'rosa.mendez@example.com'; // staff
const MARCUS = 'Marcus.Whitfield@example.com'; // an attorney listed as admin

/** The link of the last sign-in email to `to`. */
function lastLink(to: string): string | undefined {
  const mail = [...server.emails].reverse().find((m) => m.to.includes(to.toLowerCase()));
  return /https?:\/\/\S+\/console\/sign-in\?token=\S+/.exec(mail?.text ?? '')?.[0];
}

async function askLink(email: string) {
  return fetch(`${server.url}/api/staff/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
}

/** Signs in as `email` through the emailed link; the session cookie. */
async function signInAs(email: string): Promise<string> {
  expect((await askLink(email)).status).toBe(202);
  const link = lastLink(email);
  if (!link) throw new Error(`no sign-in link for ${email}`);
  const res = await fetch(`${server.url}${new URL(link).pathname}${new URL(link).search}`, {
    redirect: 'manual',
  });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/console');
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^amparo_staff=[^;]+;/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  expect(cookie).toMatch(/Max-Age=43200/);
  return cookie.split(';')[0] as string;
}

const api = (path: string, cookie: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/staff${path}`, {
    ...init,
    headers: {
      cookie,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
  });
const change = (cookie: string, body: unknown, origin: string | null = ORIGIN) =>
  api(`/leads/${leadId}`, cookie, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: origin ? { origin } : {},
  });

describe('signing in', () => {
  it('sends a roster address a one-time link, and anyone else the same 202 and nothing', async () => {
    const before = server.emails.length;
    const unknown = await askLink('someone@else.example');
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual({ ok: true });
    expect(server.emails.length).toBe(before);
    const known = await askLink(ANA);
    expect(known.status).toBe(202);
    expect(await known.json()).toEqual({ ok: true });
    expect(server.emails.length).toBe(before + 1);
    expect(server.emails.at(-1)?.text).toMatch(/works once, for 15 minutes/);
    // Nothing of the token is stored as it is: the table holds its hash.
    const token = new URL(lastLink(ANA) ?? '').searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThan(30);
  });

  it('a link works once; a second use, or a made-up one, goes back to sign in', async () => {
    await askLink(ROSA);
    const link = new URL(lastLink(ROSA) ?? '');
    const first = await fetch(`${server.url}${link.pathname}${link.search}`, {
      redirect: 'manual',
    });
    expect(first.headers.get('location')).toBe('/console');
    for (const search of [link.search, '?token=made-up', '']) {
      const again = await fetch(`${server.url}/console/sign-in${search}`, { redirect: 'manual' });
      expect(again.status).toBe(303);
      expect(again.headers.get('location')).toBe('/console?signin=expired');
      expect(again.headers.get('set-cookie')).toBeNull();
    }
  });

  it('a malformed body is a 400 in the error shape', async () => {
    const res = await fetch(`${server.url}/api/staff/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"mail": 1}',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_request');
  });
});

describe('without a live session', () => {
  it('every /api/staff call is a 401', async () => {
    for (const [method, path] of [
      ['GET', '/me'],
      ['GET', '/leads'],
      ['GET', `/leads/${leadId}`],
      ['POST', `/leads/${leadId}`],
      ['DELETE', `/leads/${leadId}`],
    ] as const) {
      const res = await api(path, 'amparo_staff=not-a-session', {
        method,
        ...(method === 'POST' ? { body: '{"status":"closed"}' } : {}),
        headers: { origin: ORIGIN },
      });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
  });
});

describe('a signed-in attorney', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signInAs(ANA);
  });

  it('is who the session says', async () => {
    const res = await api('/me', cookie);
    expect(await res.json()).toEqual({
      email: ANA,
      name: 'Ana Robles',
      role: 'attorney',
      attorneyId: 'ana-robles',
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('sees the lead on the board, filtered and searched', async () => {
    const board = await (await api('/leads', cookie)).json();
    const row = board.leads.find((l: { leadId: string }) => l.leadId === leadId);
    expect(row).toMatchObject({
      leadId,
      name: 'Maria Lopez',
      channel: 'web',
      language: 'es',
      status: 'new',
      offer: 'new',
      conflicts: [],
    });
    expect(row.flags).toContain('cancellation-non-lpr');
    const ids = async (query: string) =>
      (await (await api(`/leads?${query}`, cookie)).json()).leads.map(
        (l: { leadId: string }) => l.leadId,
      );
    expect(await ids('q=maria')).toContain(leadId);
    expect(await ids('q=L%C3%B3pez')).toContain(leadId);
    expect(await ids('q=3734253')).toContain(leadId);
    expect(await ids('q=nobody')).not.toContain(leadId);
    expect(await ids('channel=sms')).not.toContain(leadId);
    expect(await ids('flag=cancellation-non-lpr')).toContain(leadId);
    const bad = await api('/leads?urgency=whenever', cookie);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^urgency:/);
  });

  it("opens the lead: the email's words, the transcript, and the view recorded", async () => {
    const page = await (await api(`/leads/${leadId}`, cookie)).json();
    expect(page.lead.summary.length).toBeGreaterThan(0);
    expect(JSON.stringify(page.lead.summary)).toContain('Maria Lopez');
    expect(page.lead.flags.map((f: { id: string }) => f.id)).toContain('cancellation-non-lpr');
    expect(page.lead.flags[0].title).not.toBe(page.lead.flags[0].id);
    expect(page.transcript.length).toBeGreaterThan(20);
    expect(page.transcript.some((e: { role: string }) => e.role === 'user')).toBe(true);
    expect(page.attorneys.length).toBeGreaterThan(1);
    expect(page.history.at(-1)).toMatchObject({ by: ANA, action: 'view' });
    expect((await api('/leads/no-such-lead', cookie)).status).toBe(404);
    expect((await api(`/leads/${'x'.repeat(2000)}`, cookie)).status).toBe(404);
  });

  it('changes status and adds a note, each recorded with who and when', async () => {
    const res = await change(cookie, { status: 'contacted', note: 'Llamé, cita el lunes' });
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.lead.status).toBe('contacted');
    expect(page.lead.notes).toEqual([
      { at: expect.any(String), by: ANA, text: 'Llamé, cita el lunes' },
    ]);
    const actions = page.history.map((h: { action: string; detail?: string }) =>
      [h.action, h.detail].filter(Boolean).join(' '),
    );
    expect(actions).toEqual(expect.arrayContaining(['status contacted', 'note']));
    // The audit keeps no note text: the note is on the lead.
    expect(JSON.stringify(page.history)).not.toContain('Llamé');
    expect((await change(cookie, { status: 'maybe' })).status).toBe(400);
    expect((await change(cookie, {})).status).toBe(400);
    expect((await change(cookie, { assignTo: 'nobody' })).status).toBe(400);
  });

  it('reassigns to another attorney: a new offer, emailed to them', async () => {
    const page = await (await change(cookie, { assignTo: 'sofia-quintero' })).json();
    expect(page.lead.routedTo).toEqual({ attorneyId: 'sofia-quintero', name: 'Sofía Quintero' });
    expect(page.lead.routingReasons).toMatch(/assigned by Ana Robles in the console/);
    const lead = await server.deps.delivery?.leads.get(leadId);
    expect(lead?.delivery.status).not.toBe('sent');
    expect(lead?.routing.to).toEqual(['sofia.quintero@example.org']);
  });

  it("answers as the email's links do: only the attorney the lead is with accepts it", async () => {
    const accept = (who: string) =>
      api(`/leads/${leadId}/accept`, who, { method: 'POST', headers: { origin: ORIGIN } });
    // Reassigned to Sofía above: Ana's accept finds it moved on; staff have no lead to accept.
    const moved = await accept(cookie);
    expect(moved.status).toBe(409);
    expect((await moved.json()).error.code).toBe('moved-on');
    expect((await accept(await signInAs(ROSA))).status).toBe(403);
    const sofia = await signInAs('sofia.quintero@example.org');
    const res = await accept(sofia);
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.lead.offer).toBe('accepted');
    expect(page.lead.acceptedBy).toMatchObject({
      attorneyId: 'sofia-quintero',
      name: 'Sofía Quintero',
    });
    expect(page.history.at(-1)).toMatchObject({
      by: 'sofia.quintero@example.org',
      action: 'accept',
    });
    const decline = await api(`/leads/${leadId}/decline`, sofia, {
      method: 'POST',
      body: JSON.stringify({ reason: 'capacity' }),
      headers: { origin: ORIGIN },
    });
    expect(decline.status).toBe(409);
    expect((await decline.json()).error.code).toBe('already-accepted');
  });

  it('a change from another origin, or with none, is refused and changes nothing', async () => {
    for (const origin of ['https://evil.example', null]) {
      const res = await change(cookie, { status: 'closed' }, origin);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    const page = await (await api(`/leads/${leadId}`, cookie)).json();
    expect(page.lead.status).toBe('contacted');
  });

  it('cannot erase a lead (admins only)', async () => {
    const res = await api(`/leads/${leadId}`, cookie, {
      method: 'DELETE',
      headers: { origin: ORIGIN },
    });
    expect(res.status).toBe(403);
  });

  it('signs out: the same cookie is then a 401', async () => {
    const out = await api('/sign-out', cookie, { method: 'POST', headers: { origin: ORIGIN } });
    expect(out.status).toBe(204);
    expect((await api('/me', cookie)).status).toBe(401);
  });
});

describe('an admin', () => {
  it('erases a lead and its conversation; it is gone from the board', async () => {
    const cookie = await signInAs(MARCUS);
    expect(await (await api('/me', cookie)).json()).toMatchObject({ role: 'admin' });
    const lead = await server.deps.delivery?.leads.get(leadId);
    const res = await api(`/leads/${leadId}`, cookie, {
      method: 'DELETE',
      headers: { origin: ORIGIN },
    });
    expect(res.status).toBe(204);
    expect(await server.deps.delivery?.leads.get(leadId)).toBeUndefined();
    expect(await server.deps.store.get(lead?.conversationId ?? '')).toBeUndefined();
    expect((await api(`/leads/${leadId}`, cookie)).status).toBe(404);
    const board = await (await api('/leads', cookie)).json();
    expect(board.leads.map((l: { leadId: string }) => l.leadId)).not.toContain(leadId);
  });
});
