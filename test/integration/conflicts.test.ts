/**
 * The conflict check end to end on DynamoDB Local: an admin uploads the firm's list in the
 * console, a web intake's client is on it, and the lead carries the match (lead.json, the email's
 * first lines, the console's row) while the intake's turns read nothing of the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../functions/core/leads/delivery';
import { LeadJsonSchema } from '../../functions/core/leads/json';
import { answerIntake } from '../helpers/http';
import { NOW, RESIDENT } from '../helpers/intake';
import { startTestServer, type TestServer } from '../helpers/server';
import { CONSOLE_ORIGIN, signInAs } from '../helpers/staff';

let server: TestServer;
let admin: string;
/** Requests to DynamoDB that touched the conflict list (its pointer or parts). */
let listRequests = 0;

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  server.client.middlewareStack.add(
    (next) => async (args) => {
      if (/"CONFLICTS/.test(JSON.stringify(args.input))) listRequests++;
      return next(args);
    },
    { step: 'initialize', name: 'countConflictListRequests' },
  );
  admin = await signInAs(server, 'marcus.whitfield@example.com');
});
afterAll(async () => {
  await server.close();
});

const upload = (cookie: string, csv: string) =>
  fetch(`${server.url}/api/staff/conflicts`, {
    method: 'PUT',
    headers: { cookie, origin: CONSOLE_ORIGIN, 'content-type': 'text/csv' },
    body: csv,
  });

describe('the conflict list uploaded in the console', () => {
  it('is stored, and GET says how many names, who and when', async () => {
    const res = await upload(
      admin,
      'name,role,matter\n"López García, María",adverse,2023-114\nJuan Soto,client,2024-9\n',
    );
    expect(res.status).toBe(200);
    const summary = await (
      await fetch(`${server.url}/api/staff/conflicts`, { headers: { cookie: admin } })
    ).json();
    expect(summary).toEqual({
      source: 'upload',
      count: 2,
      uploadedAt: NOW.toISOString(),
      uploadedBy: 'marcus.whitfield@example.com',
    });
  });

  it('refuses a bad CSV naming the line, and keeps the list it had', async () => {
    const res = await upload(admin, 'name,role,matter\nAna Ruiz,client,1\n"Pérez,adverse,2\n');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({
      code: 'invalid_request',
      message: 'line 3: a quoted field is not closed',
    });
    const summary = await (
      await fetch(`${server.url}/api/staff/conflicts`, { headers: { cookie: admin } })
    ).json();
    expect(summary.count).toBe(2);
  });

  it('takes a list of thousands of names (over the 16 KiB of other calls)', async () => {
    const names = Array.from(
      { length: 3000 },
      (_, i) => `Persona Número${i} Apellido${i},former-client,M-${i}`,
    );
    const big = `name,role,matter\n${names.join('\n')}\n`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(16 * 1024);
    const res = await upload(admin, big);
    expect(res.status).toBe(200);
    const summary = await (
      await fetch(`${server.url}/api/staff/conflicts`, { headers: { cookie: admin } })
    ).json();
    expect(summary.count).toBe(3000);
    // Everything else under /api keeps its 16 KiB.
    const other = await fetch(`${server.url}/api/staff/leads/L1`, {
      method: 'POST',
      headers: { cookie: admin, origin: CONSOLE_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'x'.repeat(20_000) }),
    });
    expect(other.status).toBe(413);
    // Put back the list the next tests expect.
    await upload(
      admin,
      'name,role,matter\n"López García, María",adverse,2023-114\nJuan Soto,client,2024-9\n',
    );
  });

  it('is a 403 for a staff member who is not an admin', async () => {
    const staff = await signInAs(server, 'rosa.mendez@example.com');
    expect((await upload(staff, 'name,role\nAna Ruiz,client\n')).status).toBe(403);
  });

  it("puts a lead whose client is on it first in the lead's email, lead.json and console", async () => {
    listRequests = 0;
    const { conversationId: id } = await answerIntake(server.url, RESIDENT);
    // The list was read with the upload in this process: the turns read none of it.
    expect(listRequests).toBe(0);
    const leads = await server.deps.delivery?.leads.listDay('2026-11-25');
    const lead = leads?.find((l) => l.conversationId === id);
    const expected = {
      name: 'López García, María',
      role: 'adverse',
      matter: '2023-114',
      against: 'Maria Lopez',
      as: 'client',
      score: 0.95,
      why: ['accents and case', 'second surname dropped', 'written family name first'],
    };
    expect(lead?.conflicts).toEqual([expected]);

    const delivery = server.deps.delivery;
    if (!delivery) throw new Error('no delivery');
    server.emails.length = 0;
    await deliverDue(delivery);
    const email = server.emails.find((m) => m.headers['X-Amparo-Lead-Id'] === lead?.leadId);
    expect(email?.text.split('\n')[0]).toBe('!! POSSIBLE CONFLICTS: CHECK BEFORE YOU CALL');
    expect(email?.text.split('\n')[1]).toContain('López García, María (an adverse party');
    const json = LeadJsonSchema.parse(JSON.parse(email?.attachments[0].content ?? '{}'));
    expect(json.conflicts).toEqual([expected]);

    const page = await (
      await fetch(`${server.url}/api/staff/leads/${lead?.leadId}`, { headers: { cookie: admin } })
    ).json();
    expect(page.lead.conflicts).toEqual([expected]);
  });
});
