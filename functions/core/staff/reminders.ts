/**
 * A lead's hearing reminders in the console (API.md "Staff", DOMAIN.md "Hearing reminders"):
 * what is scheduled, sent, failed or stopped and why; staff stop them, and a hearing date changed
 * on the lead moves them (functions/core/staff/leads.ts `changeLead`).
 */
import type { Lead } from '../leads/lead';
import { cancelPending, nextDue } from '../reminders/reminders';
import { retryOnConflict } from '../retry';
import { record, type StaffLeadDeps } from './leads';
import type { StaffMember } from './sign-in';

/** What the console shows of a lead's reminders: never the words sent. */
export function remindersView(lead: Lead) {
  const r = lead.reminders;
  return {
    leadId: lead.leadId,
    hearing: r?.hearing ?? null,
    /** The yes: when, in which language and channel, to which version of the offer. */
    consent: r?.consent ?? null,
    to: r ? { phone: r.phone ?? null, email: r.email ?? null } : null,
    cancelled: r?.cancelled ?? null,
    next: nextDue(r) ?? null,
    reminders: (r?.items ?? []).map((item) => ({
      kind: item.kind,
      via: item.via,
      hearingDate: item.hearingDate,
      at: item.at,
      status: item.status,
      tries: item.tries,
      ...(item.nextAt ? { nextAt: item.nextAt } : {}),
      ...(item.sentAt ? { sentAt: item.sentAt } : {}),
      ...(item.reason ? { reason: item.reason } : {}),
      ...(item.lastError ? { lastError: item.lastError } : {}),
    })),
  };
}

/**
 * Stops every reminder of the lead not sent yet, for good (a new date does not restart them),
 * and records who did it. Undefined when the lead is unknown.
 *
 * @example await cancelReminders(deps, 'L-1', me) // the lead, its reminders cancelled
 */
export async function cancelReminders(
  deps: StaffLeadDeps,
  leadId: string,
  by: StaffMember,
): Promise<Lead | undefined> {
  const saved = await retryOnConflict(async () => {
    const lead = await deps.leads.get(leadId);
    if (!lead?.reminders) return lead;
    const at = deps.now().toISOString();
    const next: Lead = {
      ...lead,
      version: lead.version + 1,
      updatedAt: at,
      reminders: { ...cancelPending(lead.reminders, 'staff'), cancelled: { by: by.email, at } },
    };
    await deps.leads.save(next);
    return next;
  });
  if (saved?.reminders?.cancelled?.by === by.email)
    await record(deps, saved, by, 'reminders-cancel');
  return saved;
}
