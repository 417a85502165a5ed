/**
 * Urgency (DOMAIN.md), exactly as the list reads:
 * - `emergency`: detained = yes; or nextHearingDate within 7 days; or reenteredAfterRemoval = yes
 *   and detained ≠ no (a missing or 'unsure' detained counts as ≠ no);
 * - `high`: nextHearingDate within 30 days; or removalOrder = yes; or missedHearing = yes; or flag
 *   `asylum` with 60 days or fewer left;
 * - `normal`: everything else.
 *
 * "Within N days" is 0..N days from today inclusive; a past or unreadable hearing date matches
 * nothing. The reasons list every rule that matched at the chosen level, then the lower-level rules
 * that also matched, each prefixed "Also high: " so the summary shows what drove the level.
 */
import { daysBetween, isValidIsoDate } from '../calendar';
import type { Facts } from '../facts';
import { dayCount } from './common';
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

  const hearing = facts.nextHearingDate;
  const daysToHearing =
    hearing !== undefined && isValidIsoDate(hearing) ? daysBetween(today, hearing) : undefined;
  if (daysToHearing !== undefined && daysToHearing >= 0 && daysToHearing <= 7) {
    emergency.push(`nextHearingDate ${hearing} is ${hearingIn(daysToHearing)} (within 7 days)`);
  } else if (daysToHearing !== undefined && daysToHearing >= 0 && daysToHearing <= 30) {
    high.push(`nextHearingDate ${hearing} is ${hearingIn(daysToHearing)} (within 30 days)`);
  }

  if (facts.reenteredAfterRemoval === 'yes' && facts.detained !== 'no') {
    const detained =
      facts.detained === undefined ? 'detained not answered' : `detained = ${facts.detained}`;
    emergency.push(
      `reenteredAfterRemoval = yes and ${detained}: a prior order may be reinstated and carried out without a hearing (INA 241(a)(5))`,
    );
  }

  if (facts.removalOrder === 'yes') high.push('removalOrder = yes: the client has a removal order');
  if (facts.missedHearing === 'yes') {
    high.push(
      'missedHearing = yes: an in absentia order may have been entered; motion deadlines run',
    );
  }
  if (asylumDaysLeft !== undefined && asylumDaysLeft <= 60) {
    high.push(
      asylumDaysLeft > 0
        ? `asylum: ${dayCount(asylumDaysLeft)} left of the one-year filing deadline (60 or fewer)`
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
