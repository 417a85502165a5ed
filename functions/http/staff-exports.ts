/**
 * The console's CRM export and a lead's webhook status (README "Exporting leads", "Signed
 * webhooks"), under /api/staff behind its session check (staff.ts `signedIn`):
 * - `GET /leads.csv?from=&to=`: the leads created in the range as CSV, a download; recorded in
 *   the console's history (who, when, which days; never the leads' data).
 * - `GET /leads/{id}/events`: the lead's events for the webhooks and Clio Grow not sent yet or
 *   given up on, per target.
 */
import { Hono } from 'hono';
import { NotFoundError } from '../core/errors';
import {
  exportLeads,
  exportQuerySchema,
  exportToday,
  leadEventStatus,
} from '../core/integrations/export';
import { validated } from './body';
import { type StaffEnv, type StaffRouteDeps, signedIn } from './staff';

export function staffExportRoutes(deps: StaffRouteDeps) {
  const session = signedIn(deps.auth);
  const leads = deps.leads;
  return new Hono<StaffEnv>()
    .get('/leads.csv', session, async (c) => {
      const today = exportToday(leads.now(), leads.timeZone);
      const range = validated(exportQuerySchema(today), c.req.query(), 'query');
      const { csv } = await exportLeads(leads, range, c.get('member').email);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header(
        'Content-Disposition',
        `attachment; filename="amparo-leads-${range.from}-to-${range.to}.csv"`,
      );
      c.header('Cache-Control', 'no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(csv);
    })
    .get('/leads/:id/events', session, async (c) => {
      const id = c.req.param('id');
      const lead = Buffer.byteLength(id, 'utf8') <= 1024 ? await leads.leads.get(id) : undefined;
      if (!lead) throw new NotFoundError('The lead');
      return c.json({ leadId: lead.leadId, events: leadEventStatus(lead) });
    });
}
