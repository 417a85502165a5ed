/**
 * Turning a qualified conversation into a lead: the facts, flags, urgency, contact and questions,
 * routed to an attorney by the roster. A second intake from the same phone within 30 days updates
 * the open lead instead of making a new one. Pure but for the store reads it is given.
 */

import { todayIn } from '../calendar';
import type { Conversation } from '../conversation';
import { factsOf } from '../engine/outcome';
import type { LeadStore } from '../ports';
import type { Roster } from '../routing/roster';
import { route } from '../routing/routing';
import type { Lead } from './lead';

export interface LeadDeps {
  leads: LeadStore;
  roster: Roster;
  newId: () => string;
  now: () => Date;
  timeZone: string;
}

/**
 * Leads each attorney got on `day`, and who got the last one (for ties "in turn"). Only leads
 * whose phone is proven count (DOMAIN.md "Safety rules"): intakes with a typed number cost a
 * script nothing, and must not use up the attorneys' caps that real clients need.
 */
export async function dayCounts(deps: Pick<LeadDeps, 'leads'>, day: string) {
  const leads = await deps.leads.listDay(day);
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

/**
 * The lead for a conversation that just qualified: a new one, or the phone's open lead updated.
 *
 * @example const lead = await leadFor(deps, conversation) // then saved with the conversation
 */
export async function leadFor(deps: LeadDeps, conversation: Conversation): Promise<Lead> {
  const intake = conversation.intake;
  const outcome = intake.outcome;
  if (!outcome?.screening) throw new Error('leadFor needs a screened, qualified conversation');
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
  const { countsToday, lastAssigned } = await dayCounts(deps, todayIn(now, deps.timeZone));
  const routing = route(
    { facts, urgency: outcome.screening.urgency, flags: outcome.screening.flags, language },
    deps.roster,
    { countsToday, lastAssigned, now: at },
  );
  const body = {
    conversationId: conversation.id,
    updatedAt: at,
    channel: intake.channel,
    language,
    urgency: outcome.screening.urgency,
    urgencyReasons: outcome.screening.urgencyReasons,
    flags: outcome.screening.flags,
    facts,
    contact,
    questions: intake.questions,
    represented: outcome.represented,
    handoff: outcome.handoff,
    routing,
    delivery: { status: 'pending' as const, attempts: 0, nextAttemptAt: at },
    origin: conversation.origin,
  };
  // Proven: the conversation is this phone's text conversation (texted from it, or linked to it
  // by the code texted to it). A number only typed on the web may be anyone's.
  const phoneProven = facts.phone !== undefined && conversation.texts?.phone === facts.phone;
  const open = facts.phone ? await deps.leads.openLeadOf(facts.phone, now) : undefined;
  if (open && phoneProven && open.phoneProven) {
    // Same person, again within 30 days: the open lead is updated and its summary sent again.
    return {
      ...open,
      ...body,
      ...safeMerge(open, body),
      // Once an attorney accepted it, the update goes to that attorney.
      routing: open.status === 'accepted' ? open.routing : routing,
      questions: [...open.questions, ...intake.questions],
      earlierConversationIds: [...(open.earlierConversationIds ?? []), open.conversationId],
      version: open.version + 1,
      phoneProven,
    };
  }
  // Whoever typed a number that has an open lead gets a lead of their own, for staff to compare.
  return {
    ...body,
    leadId: deps.newId(),
    createdAt: at,
    version: 1,
    status: 'new',
    phoneProven,
    possibleDuplicateOf: open?.leadId,
  };
}

/**
 * What a merge may not undo (DOMAIN.md "Safety rules"): once it was not safe to call, it stays
 * so (with the safe way given then, unless a new one is given), and the people to check for
 * conflicts are kept.
 */
function safeMerge(open: Lead, next: Pick<Lead, 'contact' | 'facts'>) {
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
  };
}
