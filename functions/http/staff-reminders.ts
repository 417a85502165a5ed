/**
 * A lead's hearing reminders in the console (API.md "Staff"): `GET /api/staff/reminders?leadId=`
 * shows them, `DELETE /api/staff/reminders?leadId=` stops those not sent. Behind the same session
 * (and, for the DELETE, the same-origin check) as the rest of /api/staff.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { cancelReminders, remindersView } from '../core/staff/reminders';
import { validated } from './body';
import { errorBody } from './errors';
import { type StaffEnv, type StaffRouteDeps, signedIn } from './staff';

const ReminderQuerySchema = z.strictObject({ leadId: z.string().min(1).max(100) });

export function staffReminderRoutes(deps: StaffRouteDeps) {
  const noSuchLead = () => errorBody('not_found', 'There is no such lead.');
  return new Hono<StaffEnv>()
    .use('/reminders', signedIn(deps.auth))
    .get('/reminders', async (c) => {
      const { leadId } = validated(ReminderQuerySchema, c.req.query(), 'query');
      const lead = await deps.leads.leads.get(leadId);
      if (!lead) return c.json(noSuchLead(), 404);
      return c.json(remindersView(lead));
    })
    .delete('/reminders', async (c) => {
      const { leadId } = validated(ReminderQuerySchema, c.req.query(), 'query');
      const lead = await cancelReminders(deps.leads, leadId, c.get('member'));
      if (!lead) return c.json(noSuchLead(), 404);
      return c.json(remindersView(lead));
    });
}
