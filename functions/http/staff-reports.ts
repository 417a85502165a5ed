/**
 * The console's reports (API.md "Staff"): the intake funnel and the conversations in progress.
 * Mounted under /api/staff behind the same session check as the rest of it (staff.ts
 * `signedIn`); both only read, and only summaries: no transcript, answer or client's name.
 */
import { Hono } from 'hono';
import { todayIn } from '../core/calendar';
import { ConversationListQuerySchema, listConversations } from '../core/staff/conversations';
import { funnel, funnelQuerySchema } from '../core/staff/funnel';
import { validated } from './body';
import { type StaffEnv, type StaffRouteDeps, signedIn } from './staff';

export function staffReportRoutes(deps: StaffRouteDeps) {
  const session = signedIn(deps.auth);
  const reports = deps.leads;
  return new Hono<StaffEnv>()
    .get('/funnel', session, async (c) => {
      const today = todayIn(reports.now(), reports.timeZone);
      const range = validated(funnelQuerySchema(today), c.req.query(), 'query');
      return c.json(await funnel(reports, range));
    })
    .get('/conversations', session, async (c) => {
      const query = validated(ConversationListQuerySchema, c.req.query(), 'query');
      return c.json(await listConversations(reports, query));
    });
}
