/**
 * The console's CRM export and a lead's webhook status on DynamoDB Local: a signed-in download
 * of the leads as CSV (text/csv, an attachment, formulas defused, the export in the console's
 * history), 401 without a session, 400 for a bad range; a webhook that keeps failing shown with
 * its URL, tries and last error.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../functions/core/integrations/csv';
import { deliverDue } from '../../functions/core/leads/delivery';
import type { Lead } from '../../functions/core/leads/lead';
import { buildLeadEvents } from '../../functions/deps';
import { answerIntake } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, type TestServer } from '../helpers/server';
import { signInAs, staffApi } from '../helpers/staff';

let server: TestServer;
let cookie: string;
let hookUrl: string;
const clock = new Date('2026-11-25T18:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  // A receiver that is never there: a port closed again at once.
  const closed = createServer();
  await new Promise<void>((done) => closed.listen(0, '127.0.0.1', () => done()));
  hookUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/hooks/amparo`;
  await new Promise<void>((done) => closed.close(() => done()));
  if (!server.deps.delivery) throw new Error('no delivery');
  server.deps.delivery.events = buildLeadEvents({
    config: { LEAD_WEBHOOK_URLS: [hookUrl], CLIO_GROW_URL: 'https://grow.clio.com/inbox_leads' },
    webhookSecret: 'whsec-test-0123456789abcdefghijklmn',
    clioToken: undefined,
    httpsOnly: false,
  });
  cookie = await signInAs(server, 'rosa.mendez@example.com');
});
afterAll(async () => {
  await server.close();
});

async function intake(answers: Record<string, string>): Promise<Lead> {
  const { conversationId: id } = await answerIntake(server.url, answers);
  const leads = (await server.deps.delivery?.leads.listDay('2026-11-25')) ?? [];
  const lead = leads.find((l) => l.conversationId === id);
  if (!lead) throw new Error('no lead');
  return lead;
}

describe('GET /api/staff/leads.csv', () => {
  it('downloads the leads as CSV, a formula in a name defused', async () => {
    const lead = await intake({
      ...RESIDENT,
      phone: '(213) 373-4201',
      name: '=HYPERLINK("http://evil.example") Lopez',
    });
    const res = await staffApi(server, cookie, '/leads.csv?from=2026-11-20&to=2026-11-25');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="amparo-leads-2026-11-20-to-2026-11-25.csv"',
    );
    const text = await res.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    const row = lines.find((l) => l.endsWith(`,${lead.leadId}`)) ?? '';
    expect(row.startsWith('"\'=HYPERLINK(""http://evil.example"")",Lopez,')).toBe(true);
    expect(row).toContain(',+12133734201,');
    expect(row).toContain(',Amparo web,');
  });

  it("records who exported which days in the console's own history", async () => {
    const out = await server.client.send(
      new QueryCommand({
        TableName: server.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': 'AUDIT#2026-11-25' }),
      }),
    );
    const entries = (out.Items ?? []).map((i) => unmarshall(i));
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'export-csv',
        by: 'rosa.mendez@example.com',
        detail: '2026-11-20..2026-11-25',
      }),
    );
    expect(JSON.stringify(entries)).not.toContain('HYPERLINK');
  });

  it('is 401 without a session and 400 for a reversed range', async () => {
    const anonymous = await fetch(`${server.url}/api/staff/leads.csv`);
    expect(anonymous.status).toBe(401);
    const reversed = await staffApi(server, cookie, '/leads.csv?from=2026-11-25&to=2026-11-01');
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).error).toBeTruthy();
  });
});

describe('GET /api/staff/leads/{id}/events', () => {
  it('shows a failing webhook: its URL, tries, last error and next try', async () => {
    const lead = await intake({ ...RESIDENT, phone: '(213) 373-4202' });
    if (!server.deps.delivery) throw new Error('no delivery');
    await deliverDue(server.deps.delivery);
    const res = await staffApi(server, cookie, `/leads/${lead.leadId}/events`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.events).toEqual([
      expect.objectContaining({
        type: 'lead.created',
        target: hookUrl,
        status: 'pending',
        attempts: 1,
        lastError: 'ECONNREFUSED',
        nextAttemptAt: new Date(clock.getTime() + 30_000).toISOString(),
      }),
    ]);
    const unknown = await staffApi(server, cookie, '/leads/no-such-lead/events');
    expect(unknown.status).toBe(404);
    expect((await fetch(`${server.url}/api/staff/leads/${lead.leadId}/events`)).status).toBe(401);
  });
});
