/**
 * Urgency (DOMAIN.md), exactly as the list reads:
 * - `emergency`: detained = yes (or arrestSetting = county jail and detained ≠ no: an ICE hold);
 *   or nextHearingDate within 7 days; or reenteredAfterRemoval = yes
 *   and detained ≠ no (a missing or 'unsure' detained counts as ≠ no); or orderDate within the
 *   30-day window to appeal to the Board (8 CFR 1003.38(b); see `orders.ts`);
 * - `high`: nextHearingDate within 30 days; or nextCheckInDate within 7 days; or removalOrder = yes with orderDate unknown or within
 *   the 90-day motion-to-reopen window; or missedHearing = yes; or flag `asylum` with 60 days or
 *   fewer left (counting the last day);
 * - `normal`: everything else.
 *
 * "Within N days" is 0..N days from today inclusive; a past or unreadable hearing date matches
 * nothing. The reasons list every rule that matched at the chosen level, then the lower-level rules
 * that also matched, each prefixed "Also high: " so the summary shows what drove the level.
 */
import { daysBetween, isValidIsoDate } from '../calendar';
import type { Facts } from '../facts';
import { dayCount } from './common';
import { APPEAL_DAYS, orderPhrase, orderWindow, REOPEN_DAYS } from './orders';
import type { Urgency } from './schema';

export interface UrgencyResult {
  urgency: Urgency;
  urgencyReasons: string[];
}

function hearingIn(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

/**
 * @param asylumDaysLeft days left of the one-year asylum deadline when the `asylum` flag was raised
 *   with a known (possibly partial) arrival date; undefined otherwise.
 */
export function screenUrgency(
  facts: Facts,
  today: string,
  asylumDaysLeft: number | undefined,
): UrgencyResult {
  const emergency: string[] = [];
  const high: string[] = [];

  if (facts.detained === 'yes')
    emergency.push('detained = yes: the client is in immigration detention');
  else if (facts.arrestSetting === 'county-jail' && facts.detained !== 'no') {
    emergency.push(
      `arrestSetting = county jail, detained = ${facts.detained ?? 'not answered'}: held by police or a county jail, possibly on an ICE detainer (hold) that lets ICE take custody within 48 hours of release (8 CFR 287.7(d))`,
    );
  }

  const hearing = facts.nextHearingDate;
  const daysToHearing =
    hearing !== undefined && isValidIsoDate(hearing) ? daysBetween(today, hearing) : undefined;
  if (daysToHearing !== undefined && daysToHearing >= 0 && daysToHearing <= 7) {
    emergency.push(`nextHearingDate ${hearing} is ${hearingIn(daysToHearing)} (within 7 days)`);
  } else if (daysToHearing !== undefined && daysToHearing >= 0 && daysToHearing <= 30) {
    high.push(`nextHearingDate ${hearing} is ${hearingIn(daysToHearing)} (within 30 days)`);
  }

  const checkIn = facts.nextCheckInDate;
  const daysToCheckIn =
    checkIn !== undefined && isValidIsoDate(checkIn) ? daysBetween(today, checkIn) : undefined;
  if (daysToCheckIn !== undefined && daysToCheckIn >= 0 && daysToCheckIn <= 7) {
    high.push(
      `nextCheckInDate ${checkIn} is ${hearingIn(daysToCheckIn)} (within 7 days): people have been detained at ICE check-ins since 2025`,
    );
  }

  if (facts.reenteredAfterRemoval === 'yes' && facts.detained !== 'no') {
    const detained =
      facts.detained === undefined ? 'detained not answered' : `detained = ${facts.detained}`;
    emergency.push(
      `reenteredAfterRemoval = yes and ${detained}: a prior order may be reinstated and carried out without a hearing (INA 241(a)(5))`,
    );
  }

  if (facts.removalOrder === 'yes') orderRules(facts, today, emergency, high);
  if (facts.missedHearing === 'yes') {
    high.push(
      'missedHearing = yes: an in absentia order may have been entered; motion deadlines run',
    );
  }
  if (asylumDaysLeft !== undefined && asylumDaysLeft <= 60) {
    high.push(
      asylumDaysLeft > 0
        ? `asylum: ${dayCount(asylumDaysLeft)} left of the one-year filing deadline, counting the last day (60 or fewer)`
        : 'asylum: the one-year filing deadline may already have passed (the arrival date is partial)',
    );
  }

  if (emergency.length > 0) {
    return {
      urgency: 'emergency',
      urgencyReasons: [...emergency, ...high.map((reason) => `Also high: ${reason}`)],
    };
  }
  if (high.length > 0) return { urgency: 'high', urgencyReasons: high };
  return {
    urgency: 'normal',
    urgencyReasons: ['No emergency or high-urgency rule matched on the facts given'],
  };
}

/**
 * A removal order: an emergency while a judge's order can still be appealed (30 days), high while
 * a motion to reopen is in time (90 days) or the date is not known.
 */
function orderRules(facts: Facts, today: string, emergency: string[], high: string[]): void {
  const appeal = orderWindow(facts, today, APPEAL_DAYS);
  const reopen = orderWindow(facts, today, REOPEN_DAYS);
  if (!appeal || !reopen) {
    const why =
      facts.orderDate === undefined ? 'not given' : `${facts.orderDate} could not be read`;
    high.push(
      `removalOrder = yes; orderDate ${why}: the 30-day appeal window (8 CFR 1003.38(b)) or the 90-day window for a motion to reopen (INA 240(c)(7)(C)(i)) may still be open`,
    );
    return;
  }
  if (appeal.open === 'yes') {
    emergency.push(
      `orderDate ${orderPhrase(appeal)}: if a judge entered it, an appeal must reach the Board of Immigration Appeals within 30 days, by ${appeal.lastDay}${appeal.lastDay === today ? ' (last day today)' : ''} (8 CFR 1003.38(b)-(c))`,
    );
  } else if (appeal.open === 'unknown') {
    emergency.push(
      `orderDate ${orderPhrase(appeal)}: the order may be within the 30-day window to appeal to the Board of Immigration Appeals (8 CFR 1003.38(b)), which closes by ${appeal.lastDay} at the latest; the exact date is needed`,
    );
  }
  if (reopen.open !== 'no') {
    high.push(
      `removalOrder = yes; order ${orderPhrase(reopen)}: a motion to reopen is due within 90 days (INA 240(c)(7)(C)(i); 8 CFR 1003.23(b)(1)), by ${reopen.lastDay}${reopen.open === 'yes' ? '' : ' at the latest'}`,
    );
  }
}
