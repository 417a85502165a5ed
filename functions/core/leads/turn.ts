/**
 * Which lead a turn writes, if any (DOMAIN.md "Qualified lead", "Emergencies first", "Lead
 * updates"):
 * - an emergency's lead as soon as the flow's `emergencyFirst.leadAfter` (the phone) is answered,
 *   held a few minutes for the contact questions after it, then sent whatever was answered;
 * - that lead redrafted as those questions are answered (let go once the last is), and sent again
 *   as an update if it went out already;
 * - at the end of an intake that made one, that lead updated with everything (or marked referred);
 * - at the end of any other intake that qualified, its lead, new or merged into the phone's.
 * Every other turn writes no lead: an ordinary turn stays at two DynamoDB requests.
 */
import { todayIn } from '../calendar';
import type { Content } from '../content';
import type { Conversation } from '../conversation';
import { factsOf, isEmergency } from '../engine/outcome';
import type { IntakeState } from '../engine/state';
import { changesReminders, withReminders } from '../reminders/lead';
import { screen } from '../screening/screening';
import type { Lead } from './lead';
import { emergencyLeadFor, type LeadDeps, type LeadDraft, leadFor, updatedLead } from './leads';

/**
 * The lead to store with this turn. A lead made before the intake ended is noted on the
 * conversation (`intake.leadId`), which is saved with it.
 *
 * @example const lead = await leadOfTurn(content, deps, current, next) // then saved with `next`
 */
export async function leadOfTurn(
  content: Content,
  deps: LeadDeps,
  before: Conversation,
  after: Conversation,
): Promise<Lead | undefined> {
  const was = before.intake;
  const now = after.intake;
  const ended = was.status === 'active' && now.status !== 'active';
  const leadId = now.leadId ?? was.leadId;
  // After the end: the client's answer to the reminders offer, or a new hearing date.
  if (leadId && was.status === 'qualified' && now.status === 'qualified') {
    if (!changesReminders(was, now)) return undefined;
    const lead = await deps.leads.get(leadId);
    if (!lead) return undefined;
    const moved = now.answers.nextHearingDate !== was.answers.nextHearingDate;
    // A new date is news for the attorney: the lead goes again as an update saying what changed.
    const next = moved
      ? await updatedLead(deps, lead, after, draftOf(content, deps, now), true)
      : { ...lead, version: lead.version + 1, updatedAt: deps.now().toISOString() };
    return withReminders(content, next, now, deps.now(), deps.texting);
  }
  if (leadId) {
    const final = ended && (now.status === 'qualified' || now.status === 'referred');
    const contact = !ended && now.status === 'active' && answeredContact(content, was, now);
    if (!final && !contact) return undefined;
    const lead = await deps.leads.get(leadId);
    // Erased by staff meanwhile: nothing to update, and nothing to bring back.
    if (!lead) return undefined;
    const release = final || contactDone(content, now);
    return updatedLead(deps, lead, after, draftOf(content, deps, now), release);
  }
  if (now.status === 'active' && startsEmergencyLead(content, deps, now)) {
    const lead = await emergencyLeadFor(
      deps,
      after,
      draftOf(content, deps, now),
      contactDone(content, now),
    );
    now.leadId = lead.leadId;
    return lead;
  }
  if (!(ended && now.status === 'qualified')) return undefined;
  const lead = await leadFor(deps, after);
  // Noted, so the answers that come after the end (reminders, a new date) find it.
  now.leadId = lead.leadId;
  return lead;
}

/** The screening and stage a lead is drafted with: the outcome's once it ended, else the answers'. */
function draftOf(content: Content, deps: LeadDeps, intake: IntakeState): LeadDraft {
  const outcome = intake.outcome;
  const today = todayIn(deps.now(), deps.timeZone);
  const screening =
    outcome?.screening ?? screen(factsOf(intake.answers), { today, ...content.tps });
  const stage =
    intake.status === 'active'
      ? 'in-progress'
      : intake.status === 'referred'
        ? 'referred'
        : 'complete';
  return {
    screening,
    intake: stage,
    represented: outcome?.represented ?? intake.answers.represented === 'yes',
    handoff: intake.handoff,
  };
}

/** The phone (`leadAfter`) is answered, and the answers make it an emergency. */
function startsEmergencyLead(content: Content, deps: LeadDeps, intake: IntakeState): boolean {
  const fast = content.flow.emergencyFirst;
  if (!fast || !(fast.leadAfter in intake.answers)) return false;
  return isEmergency(intake.answers, todayIn(deps.now(), deps.timeZone));
}

/** This turn answered (or skipped) one of the emergency's contact questions after the phone. */
function answeredContact(content: Content, was: IntakeState, now: IntakeState): boolean {
  const fast = content.flow.emergencyFirst;
  if (!fast || now.history.length <= was.history.length) return false;
  const after = fast.steps.slice(fast.steps.indexOf(fast.leadAfter) + 1);
  return after.includes(now.history[now.history.length - 1] ?? '');
}

/** No contact question of the emergency's is left: the next one is the rest of the intake. */
function contactDone(content: Content, intake: IntakeState): boolean {
  return !content.flow.emergencyFirst?.steps.includes(intake.step);
}
