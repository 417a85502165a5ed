/**
 * Turning a qualified conversation into a lead: the facts, flags, urgency, contact and questions,
 * routed to an attorney by the roster. A second intake from the same phone within 30 days updates
 * the open lead instead of making a new one. Pure but for the store reads it is given.
 */

import { todayIn } from '../calendar';
import { phoneOf } from '../channels/address';
import type { ConflictChecker } from '../conflicts/source';
import type { Conversation } from '../conversation';
import { factsOf } from '../engine/outcome';
import type { LeadStore } from '../ports';
import type { Roster } from '../routing/roster';
import { route } from '../routing/routing';
import type { Screening } from '../screening/screening';
import type { Lead, LeadChange, LeadUpdate } from './lead';

export interface LeadDeps {
  leads: LeadStore;
  roster: Roster;
  newId: () => string;
  now: () => Date;
  timeZone: string;
  /**
   * The conflict check, run when a lead is drafted (never on an ordinary turn); absent: no
   * list, `conflicts` stays empty.
   */
  conflicts?: ConflictChecker;
  /** False when nothing can be texted: hearing reminders then go by email only. Default true. */
  texting?: boolean;
}

/**
 * Leads each attorney got on `day`, and who got the last one (for ties "in turn"). Only leads
 * whose phone is proven count (DOMAIN.md "Safety rules"): intakes with a typed number cost a
 * script nothing, and must not use up the attorneys' caps that real clients need.
 */
export async function dayCounts(deps: Pick<LeadDeps, 'leads'>, day: string, skip?: string) {
  const leads = (await deps.leads.listDay(day)).filter((lead) => lead.leadId !== skip);
  const countsToday: Record<string, number> = {};
  let lastAssigned: string | null = null;
  for (const lead of leads) {
    const id = lead.routing.attorneyId;
    if (!id || !lead.phoneProven) continue;
    countsToday[id] = (countsToday[id] ?? 0) + 1;
    lastAssigned = id;
  }
  return { countsToday, lastAssigned };
}

/** How an intake's lead is drafted: its screening and how far the intake got. */
export interface LeadDraft {
  /** The confirmed outcome's screening, or (for an emergency still in progress) the answers'. */
  screening: Screening;
  intake: NonNullable<Lead['intake']>;
  represented: boolean;
  handoff: boolean;
}

/** How long an emergency's first lead waits for the rest of the contact questions. */
export const EARLY_HOLD_SECONDS = 180;

/** The routing of a draft now, by today's counts (the lead `skip` itself not counted). */
async function routed(
  deps: LeadDeps,
  draft: LeadDraft,
  facts: Lead['facts'],
  language: string,
  skip?: string,
) {
  const now = deps.now();
  const { countsToday, lastAssigned } = await dayCounts(deps, todayIn(now, deps.timeZone), skip);
  return route(
    { facts, urgency: draft.screening.urgency, flags: draft.screening.flags, language },
    deps.roster,
    { countsToday, lastAssigned, now: now.toISOString() },
  );
}

/**
 * What a conversation's answers make of a lead: everything but its ids, version and delivery.
 * Routed anew (reading today's counts, without the lead `skip` itself), unless `keep` is the
 * routing it already has.
 */
async function drafted(
  deps: LeadDeps,
  conversation: Conversation,
  draft: LeadDraft,
  options: { skip?: string; keep?: Lead['routing'] } = {},
) {
  const intake = conversation.intake;
  const now = deps.now();
  const at = now.toISOString();
  const facts = factsOf(intake.answers);
  const answers = intake.answers;
  const text = (id: string) =>
    typeof answers[id] === 'string' ? (answers[id] as string) : undefined;
  const contact = {
    name: facts.name,
    writerName: text('writerName'),
    phone: facts.phone,
    email: facts.email,
    safeToContact: facts.safeToContact,
    safeContactAlternative: text('safeContactAlternative'),
  };
  const language = facts.preferredLanguage ?? intake.language;
  const routing = options.keep ?? (await routed(deps, draft, facts, language, options.skip));
  // Proven: the conversation is this phone's text or WhatsApp conversation (written from it, or
  // linked to it by a code). A number only typed on the web may be anyone's.
  const texts = conversation.texts;
  const phoneProven =
    facts.phone !== undefined && texts !== undefined && phoneOf(texts.phone) === facts.phone;
  const conflicts =
    (await deps.conflicts?.check({
      client: contact.name,
      adverseParties: facts.adverseParties,
    })) ?? [];
  return {
    conversationId: conversation.id,
    updatedAt: at,
    channel: intake.channel,
    language,
    urgency: draft.screening.urgency,
    urgencyReasons: draft.screening.urgencyReasons,
    flags: draft.screening.flags,
    facts,
    said: Object.fromEntries(Object.entries(intake.said).filter(([id]) => id in facts)),
    contact,
    questions: intake.questions,
    represented: draft.represented,
    handoff: draft.handoff,
    routing,
    origin: conversation.origin,
    intake: draft.intake,
    phoneProven,
    conflicts,
  };
}

/**
 * The lead for a conversation that just qualified (and made none before): a new one, or the
 * phone's open lead updated.
 *
 * @example const lead = await leadFor(deps, conversation) // then saved with the conversation
 */
export async function leadFor(deps: LeadDeps, conversation: Conversation): Promise<Lead> {
  const intake = conversation.intake;
  const outcome = intake.outcome;
  if (!outcome?.screening) throw new Error('leadFor needs a screened, qualified conversation');
  const body = await drafted(deps, conversation, {
    screening: outcome.screening,
    intake: 'complete',
    represented: outcome.represented,
    handoff: outcome.handoff,
  });
  const at = deps.now().toISOString();
  return newOrMerged(deps, conversation, body, {
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at,
  });
}

/**
 * A new lead, or, when the phone is proven and has a proven open lead, that lead updated: the same
 * person again within 30 days (DOMAIN.md "Qualified lead"). Whoever typed a number that has an
 * open lead gets a lead of their own, marked for staff to compare.
 */
async function newOrMerged(
  deps: LeadDeps,
  conversation: Conversation,
  body: Awaited<ReturnType<typeof drafted>>,
  delivery: Lead['delivery'],
): Promise<Lead> {
  const now = deps.now();
  const at = now.toISOString();
  const phone = body.facts.phone;
  const open = phone ? await deps.leads.openLeadOf(phone, now) : undefined;
  if (open && body.phoneProven && open.phoneProven) {
    const merged: Lead = {
      ...open,
      ...body,
      ...safeMerge(open, body),
      // Once an attorney accepted it, the update goes to that attorney.
      routing: open.status === 'accepted' ? open.routing : body.routing,
      questions: [...open.questions, ...conversation.intake.questions],
      earlierConversationIds: [...(open.earlierConversationIds ?? []), open.conversationId],
      version: open.version + 1,
      delivery,
    };
    return withUpdate(open, merged, 'second-intake', at);
  }
  return {
    ...body,
    leadId: deps.newId(),
    createdAt: at,
    version: 1,
    status: 'new',
    delivery,
    possibleDuplicateOf: open?.leadId,
  };
}

/**
 * An emergency's lead, made as soon as there is a way to reach the client (DOMAIN.md
 * "Emergencies first"), while the intake goes on. It waits EARLY_HOLD_SECONDS for the contact
 * questions that follow (safe to call, language), unless they are answered already
 * (`complete`); then it goes out whatever was answered.
 */
export async function emergencyLeadFor(
  deps: LeadDeps,
  conversation: Conversation,
  draft: LeadDraft,
  contactDone: boolean,
): Promise<Lead> {
  const body = await drafted(deps, conversation, draft);
  const now = deps.now().getTime();
  const at = new Date(now).toISOString();
  const nextAttemptAt = contactDone ? at : new Date(now + EARLY_HOLD_SECONDS * 1000).toISOString();
  return newOrMerged(deps, conversation, body, { status: 'pending', attempts: 0, nextAttemptAt });
}

/**
 * A conversation's lead brought up to date with its answers: the rest of an emergency's contact
 * questions, or the end of its intake. Before it first went out it is simply redrafted (and let
 * go once `release`); once sent, it goes out again as an update saying what changed, to those it
 * went to (or the attorney who accepted it). What a merge may not undo, an update may not either.
 */
export async function updatedLead(
  deps: LeadDeps,
  lead: Lead,
  conversation: Conversation,
  draft: LeadDraft,
  release: boolean,
): Promise<Lead> {
  const wentOut = sentBefore(lead);
  // Routed again only while nobody has it yet; once sent, the update follows the lead.
  const keep = wentOut || lead.status === 'accepted' ? lead.routing : undefined;
  const body = await drafted(deps, conversation, draft, { skip: lead.leadId, keep });
  const at = deps.now().toISOString();
  const next: Lead = {
    ...lead,
    ...body,
    ...safeMerge(lead, body),
    phoneProven: lead.phoneProven || body.phoneProven,
    version: lead.version + 1,
  };
  if (!wentOut) {
    const held = lead.delivery.status === 'pending' ? lead.delivery.nextAttemptAt : undefined;
    return {
      ...next,
      delivery: { ...lead.delivery, nextAttemptAt: release ? at : (held ?? at) },
    };
  }
  const reason = draft.intake === 'in-progress' ? 'intake-continued' : 'intake-ended';
  const updated = withUpdate(lead, next, reason, at);
  // Nothing an attorney reads changed: no email about nothing.
  if (updated === next) return { ...next, delivery: lead.delivery };
  return { ...updated, delivery: { status: 'pending', attempts: 0, nextAttemptAt: at } };
}

/** True once the lead's summary reached someone: a later change is sent as an update. */
export function sentBefore(lead: Lead): boolean {
  return (
    lead.delivery.status === 'sent' ||
    (lead.delivery.sentTo?.length ?? 0) > 0 ||
    (lead.updates?.length ?? 0) > 0
  );
}

/**
 * `next` with an update recorded against `previous`: what an attorney reads that changed. While
 * the last update has not gone out, its changes are folded into it (each field keeps its value
 * from before that update). Unchanged: `next` itself.
 */
function withUpdate(previous: Lead, next: Lead, reason: LeadUpdate['reason'], at: string): Lead {
  const changes = leadChanges(previous, next);
  if (!changes.length) return next;
  const updates = [...(previous.updates ?? [])];
  const last = updates[updates.length - 1];
  const pending = last && previous.delivery.status !== 'sent';
  if (pending) {
    const folded = new Map(last.changes.map((c) => [c.field, c]));
    for (const c of changes) {
      const earlier = folded.get(c.field);
      folded.set(c.field, { ...c, before: earlier ? earlier.before : c.before });
    }
    const kept = [...folded.values()].filter((c) => c.before !== c.after);
    updates[updates.length - 1] = { at, reason, changes: kept };
  } else updates.push({ at, reason, changes });
  return { ...next, updates };
}

/** The fields an attorney reads, as text, for the "What changed" box. */
function readable(lead: Lead): Map<string, string> {
  const out = new Map<string, string>();
  const put = (field: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    out.set(field, Array.isArray(value) ? value.join(', ') : String(value));
  };
  put('urgency', lead.urgency);
  put(
    'flags',
    lead.flags.map((f) => f.id),
  );
  put('intake', lead.intake ?? 'complete');
  for (const [key, value] of Object.entries(lead.contact)) put(`contact.${key}`, value);
  for (const [key, value] of Object.entries(lead.facts)) {
    if (!['name', 'phone', 'email', 'safeToContact'].includes(key)) put(key, value);
  }
  if (lead.language) put('language', lead.language);
  // A possible conflict found since it went out is news for whoever has it.
  put(
    'conflicts',
    (lead.conflicts ?? []).map((c) => c.name),
  );
  return out;
}

/** Field by field, what differs between two versions of a lead. */
export function leadChanges(before: Lead, after: Lead): LeadChange[] {
  const a = readable(before);
  const b = readable(after);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((f) => a.get(f) !== b.get(f))
    .map((field) => ({ field, before: a.get(field), after: b.get(field) }));
}

/**
 * What a merge may not undo (DOMAIN.md "Safety rules"): once it was not safe to call, it stays
 * so (with the safe way given then, unless a new one is given), and the people to check for
 * conflicts are kept.
 */
function safeMerge(open: Lead, next: Pick<Lead, 'contact' | 'facts' | 'conflicts'>) {
  const unsafe = open.contact.safeToContact === 'no';
  const parties = [open.facts.adverseParties, next.facts.adverseParties].filter(
    (p, i, all): p is string => typeof p === 'string' && p !== '' && all.indexOf(p) === i,
  );
  return {
    contact: {
      ...next.contact,
      ...(unsafe
        ? {
            safeToContact: 'no' as const,
            safeContactAlternative:
              next.contact.safeContactAlternative ?? open.contact.safeContactAlternative,
          }
        : {}),
    },
    facts: { ...next.facts, ...(parties.length ? { adverseParties: parties.join('; ') } : {}) },
    // The possible conflicts of both intakes: a merge never drops one.
    conflicts: [
      ...(next.conflicts ?? []),
      ...(open.conflicts ?? []).filter(
        (c) => !next.conflicts?.some((n) => n.name === c.name && n.against === c.against),
      ),
    ],
  };
}
