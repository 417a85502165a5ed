/**
 * A lead's reminders as the client's answers after the intake make them: their yes plans them,
 * a new hearing date moves them (and the lead goes to the attorney again as an update, through
 * functions/core/leads/turn.ts).
 */
import { todayIn } from '../calendar';
import type { Content } from '../content';
import { reminderWays } from '../engine/reminders';
import type { IntakeState } from '../engine/state';
import type { Lead } from '../leads/lead';
import { moveReminders, planReminders, type Reminders, timeOfDay } from './reminders';

/** The hearing as the intake holds it: its date, the time if the client typed one, the court. */
export function hearingOf(intake: IntakeState): Reminders['hearing'] | undefined {
  const date = intake.answers.nextHearingDate;
  if (typeof date !== 'string') return undefined;
  const said = intake.said.nextHearingDate;
  const time = said ? timeOfDay(said) : undefined;
  const court = typeof intake.answers.court === 'string' ? intake.answers.court : undefined;
  return { date, ...(time ? { time } : {}), ...(court ? { court } : {}) };
}

/** True when this turn of an ended intake changed its reminders or its hearing date. */
export function changesReminders(was: IntakeState, now: IntakeState): boolean {
  return (
    now.reminders?.at !== was.reminders?.at ||
    now.answers.nextHearingDate !== was.answers.nextHearingDate
  );
}

/**
 * `lead` with the reminders the intake's answers make: planned on a yes, moved to a new date.
 *
 * @example withReminders(content, lead, intake, now, true).reminders?.items.length // 3
 */
export function withReminders(
  content: Pick<Content, 'firm'>,
  lead: Lead,
  intake: IntakeState,
  now: Date,
  texting = true,
): Lead {
  // Texts only to the phone the lead holds as proven (the conversation's own texting number).
  const provenPhone = lead.phoneProven ? lead.contact.phone : undefined;
  const hearing = hearingOf(intake);
  const consent = intake.reminders;
  const { timeZone } = content.firm;
  const today = todayIn(now, timeZone);
  if (!hearing || !consent) return lead;
  if (!lead.reminders || lead.reminders.consent.at !== consent.at) {
    if (!consent.given) return lead;
    const ways = reminderWays(content, intake, { texting, provenPhone });
    return {
      ...lead,
      reminders: {
        consent,
        language: intake.language,
        ...(ways.phone ? { phone: ways.phone } : {}),
        ...(ways.phone && lead.channel === 'whatsapp' ? { whatsapp: true as const } : {}),
        ...(ways.email ? { email: ways.email } : {}),
        hearing,
        items: planReminders(hearing, ways.via, today, timeZone),
      },
    };
  }
  if (lead.reminders.hearing.date === hearing.date) return lead;
  // The client's word, by text or chat: whoever holds the phone may have typed it. The earlier
  // date's reminders still go out until staff confirm the new date in the console; each says its
  // date and to check the court's line.
  return {
    ...lead,
    reminders: moveReminders(lead.reminders, hearing, today, timeZone, { keepEarlier: true }),
  };
}
