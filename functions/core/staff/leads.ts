/**
 * The console's leads (API.md "Staff"): the board's rows with their filters, a lead's page (the
 * lead email's words: notices, summary, flags, routing; its transcript and its audit trail), and
 * what staff do to a lead (status, note, reassign, erase), each recorded with who and when.
 */
import * as z from 'zod';
import { addDays, isValidIsoDate, todayIn } from '../calendar';
import type { Catalog } from '../content';
import { ChannelSchema } from '../engine/state';
import { emailWords } from '../leads/email';
import { notices, sections } from '../leads/email-model';
import { LEAD_STAGES, type Lead, type LeadStage } from '../leads/lead';
import { foldWords } from '../parse/normalize';
import type { AuditEntry, ConversationStore, LeadStore, StaffStore } from '../ports';
import { moveReminders } from '../reminders/reminders';
import { leadExpiry } from '../retention';
import { retryOnConflict } from '../retry';
import type { Roster } from '../routing/roster';
import { FLAG_IDS, URGENCIES } from '../screening/screening';
import type { StaffMember } from './sign-in';

/** Days of leads one page of the board reads at most (one Query a day). */
export const PAGE_DAYS = 14;
/** A page stops after the day on which it reached this many leads. */
export const PAGE_LEADS = 50;

export const LeadFilterSchema = z.strictObject({
  status: z.enum(LEAD_STAGES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  flag: z.enum(FLAG_IDS).optional(),
  language: z.string().trim().min(2).max(40).optional(),
  channel: ChannelSchema.optional(),
  /** A name (any case and accents) or 4+ digits of a phone number. */
  q: z.string().trim().max(100).optional(),
  /** The day to go on from, YYYY-MM-DD (the board's "load more"). */
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type LeadFilter = z.infer<typeof LeadFilterSchema>;

export interface StaffLeadDeps {
  leads: LeadStore;
  store: ConversationStore;
  staff: StaffStore;
  roster: Roster;
  strings: Catalog;
  timeZone: string;
  retentionDays: number;
  now: () => Date;
}

const attorneyRef = (roster: Roster, id: string | null | undefined) => {
  if (!id) return null;
  return { attorneyId: id, name: roster.attorneys.find((a) => a.id === id)?.name ?? id };
};

const nameOf = (lead: Lead) => lead.contact.name ?? lead.facts.name ?? null;

/** A row of the board. */
export function leadRow(lead: Lead, roster: Roster) {
  return {
    leadId: lead.leadId,
    createdAt: lead.createdAt,
    urgency: lead.urgency,
    flags: lead.flags.map((f) => f.id),
    name: nameOf(lead),
    location: lead.facts.facility ?? lead.facts.location ?? null,
    language: lead.language,
    channel: lead.channel,
    status: lead.stage ?? 'new',
    offer: lead.status,
    routedTo: attorneyRef(roster, lead.routing.attorneyId),
    // Possible matches in the firm's conflict list (functions/core/conflicts/).
    conflicts: lead.conflicts ?? [],
    possibleDuplicateOf: lead.possibleDuplicateOf ?? null,
  };
}
export type LeadRow = ReturnType<typeof leadRow>;

/** Whether a lead passes the board's filters. */
export function matches(lead: Lead, filter: LeadFilter): boolean {
  if (filter.status && (lead.stage ?? 'new') !== filter.status) return false;
  if (filter.urgency && lead.urgency !== filter.urgency) return false;
  if (filter.flag && !lead.flags.some((f) => f.id === filter.flag)) return false;
  if (filter.language && foldWords(lead.language) !== foldWords(filter.language)) return false;
  if (filter.channel && lead.channel !== filter.channel) return false;
  const q = filter.q?.trim();
  if (q) {
    const digits = q.replace(/\D/g, '');
    const phone = (lead.contact.phone ?? lead.facts.phone ?? '').replace(/\D/g, '');
    const byPhone = digits.length >= 4 && digits.length >= q.replace(/[\s()+.-]/g, '').length;
    if (byPhone) return phone.includes(digits);
    const names = [lead.contact.name, lead.facts.name, lead.contact.writerName]
      .filter(Boolean)
      .map((n) => foldWords(String(n)));
    const wanted = foldWords(q);
    return names.some((n) => n.includes(wanted));
  }
  return true;
}

/**
 * A page of the board, newest first: whole days back from `cursor` (default today, in the firm's
 * time zone) until PAGE_LEADS matched or PAGE_DAYS were read; `cursor` is the next day to read,
 * or null past the firm's retention.
 */
export async function listLeads(deps: StaffLeadDeps, filter: LeadFilter) {
  const today = todayIn(deps.now(), deps.timeZone);
  const oldest = addDays(today, -deps.retentionDays);
  let day = filter.cursor && filter.cursor <= today ? filter.cursor : today;
  const rows: LeadRow[] = [];
  for (let read = 0; read < PAGE_DAYS && day >= oldest; read++) {
    const leads = await deps.leads.listDay(day);
    for (const lead of leads.reverse()) {
      if (matches(lead, filter)) rows.push(leadRow(lead, deps.roster));
    }
    day = addDays(day, -1);
    if (rows.length >= PAGE_LEADS) break;
  }
  return { leads: rows, cursor: day >= oldest ? day : null };
}

/** A lead's page: everything the console shows of it, in an attorney's words (English). */
export async function leadPage(deps: StaffLeadDeps, lead: Lead, me: StaffMember) {
  const words = emailWords(deps.strings, 'en');
  const conversation = await deps.store.get(lead.conversationId);
  const history = await deps.staff.history(lead.leadId);
  const summary = sections(lead, words).flatMap((s) => {
    if (s.kind === 'rows' || s.kind === 'glance')
      return s.rows.length ? [{ title: s.title, rows: s.rows.map(([l, v]) => [l, v]) }] : [];
    return [];
  });
  return {
    lead: {
      ...leadRow(lead, deps.roster),
      updatedAt: lead.updatedAt,
      urgencyReasons: lead.urgencyReasons,
      flags: lead.flags.map((f) => ({ id: f.id, title: words.flag(f.id), reasons: f.reasons })),
      acceptedBy: lead.acceptedBy
        ? {
            ...(attorneyRef(deps.roster, lead.acceptedBy.attorneyId) ?? {}),
            at: lead.acceptedBy.at,
          }
        : null,
      routingReasons: lead.routing.because ?? lead.routing.reasons.join('; '),
      notices: notices(lead, words),
      summary,
      questions: lead.questions.map((q) => ({ text: q.text, at: q.at })),
      notes: lead.notes ?? [],
      conversationId: lead.conversationId,
    },
    transcript: (conversation?.transcript ?? []).map((e) => ({
      role: e.role,
      text: e.text,
      at: e.at,
    })),
    history,
    attorneys: deps.roster.attorneys.map((a) => ({ attorneyId: a.id, name: a.name })),
    me: {
      email: me.email,
      name: me.name,
      role: me.role,
      ...(me.attorneyId ? { attorneyId: me.attorneyId } : {}),
    },
  };
}

export const LeadChangeRequestSchema = z
  .strictObject({
    status: z.enum(LEAD_STAGES).optional(),
    note: z.string().trim().min(1).max(4000).optional(),
    assignTo: z.string().min(1).max(100).optional(),
    /** The hearing's new date (the court moved it): the lead's fact, and its reminders move. */
    nextHearingDate: z.string().refine(isValidIsoDate, 'must be a date YYYY-MM-DD').optional(),
  })
  .refine((b) => b.status || b.note || b.assignTo || b.nextHearingDate, {
    message: 'give a status, a note, an attorney to assign or a hearing date',
  });
export type LeadChangeRequest = z.infer<typeof LeadChangeRequestSchema>;

export class UnknownAttorneyError extends Error {
  override name = 'UnknownAttorneyError';
}

/** Records what a staff member did to (or saw of) a lead, kept as long as the lead. */
export async function record(
  deps: StaffLeadDeps,
  lead: Lead,
  by: StaffMember,
  action: string,
  detail?: string,
): Promise<AuditEntry> {
  const entry: AuditEntry = {
    at: deps.now().toISOString(),
    by: by.email,
    action,
    leadId: lead.leadId,
    ...(detail ? { detail } : {}),
  };
  await deps.staff.audit(entry, new Date(leadExpiry(lead, deps.retentionDays) * 1000));
  return entry;
}

/**
 * Applies a status, a note and a reassignment to a lead under its version (read again on a lost
 * race), then records each. Reassigning sends the lead to that attorney as a new offer: its
 * email goes out again through the stream, and the attorney it was with is remembered as offered.
 */
export async function changeLead(
  deps: StaffLeadDeps,
  leadId: string,
  change: LeadChangeRequest,
  by: StaffMember,
): Promise<Lead | undefined> {
  const target = change.assignTo
    ? deps.roster.attorneys.find((a) => a.id === change.assignTo)
    : undefined;
  if (change.assignTo && !target) throw new UnknownAttorneyError(change.assignTo);
  const saved = await retryOnConflict(async () => {
    const lead = await deps.leads.get(leadId);
    if (!lead) return undefined;
    const at = deps.now().toISOString();
    let next: Lead = { ...lead, version: lead.version + 1, updatedAt: at };
    if (change.status) next.stage = change.status as LeadStage;
    if (change.note) next.notes = [...(lead.notes ?? []), { at, by: by.email, text: change.note }];
    if (change.nextHearingDate) {
      const date = change.nextHearingDate;
      next.facts = { ...lead.facts, nextHearingDate: date };
      // Staff's date is the checked one, even when it is the date the client texted: the
      // reminders of any other date stop.
      if (lead.reminders) {
        // The court stays; the time said for the old date may not hold for the new one.
        const { court } = lead.reminders.hearing;
        const hearing = { date, ...(court ? { court } : {}) };
        next.reminders = moveReminders(
          lead.reminders,
          hearing,
          todayIn(deps.now(), deps.timeZone),
          deps.timeZone,
        );
      }
    }
    if (target && target.id !== lead.routing.attorneyId) {
      const offeredTo = [
        ...new Set([
          ...(lead.offeredTo ?? []),
          ...(lead.routing.attorneyId ? [lead.routing.attorneyId] : []),
        ]),
      ].filter((id) => id !== target.id);
      const because = `${target.name}: assigned by ${by.name} in the console`;
      next = {
        ...next,
        status: 'new',
        acceptedBy: undefined,
        offeredTo,
        routing: { attorneyId: target.id, to: [target.email], reasons: [because], because, at },
        delivery: { status: 'pending', attempts: 0, nextAttemptAt: at },
      };
    }
    await deps.leads.save(next);
    return next;
  });
  if (!saved) return undefined;
  if (change.status) await record(deps, saved, by, 'status', change.status);
  if (change.note) await record(deps, saved, by, 'note');
  if (target) await record(deps, saved, by, 'assign', target.id);
  if (change.nextHearingDate) await record(deps, saved, by, 'hearing-date', change.nextHearingDate);
  return saved;
}
